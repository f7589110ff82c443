import type { State } from '../runtime/contract-types';

/** The tabs of the views pane an embed may show. */
export const VIEW_NAMES = ['timeline', 'graph', 'output', 'events', 'lab'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/**
 * The query flags (docs/embedding.md). Flags with invalid values are ignored. The switches that
 * choose what an embed shows are present only when on, so the defaults stay minimal.
 */
export type Flags = {
  /** Minimal chrome, for iframes. */
  embed: boolean;
  /** Run on load; honoured only when the link carries no code of its own (`shouldAutorun`). */
  autorun: boolean;
  /** In embed mode, let the reader edit the program. */
  edit: boolean;
  theme?: 'light' | 'dark';
  view?: 'code' | 'timeline' | 'chart';
  /** In embed mode, show the knobs, so a reader can flip between bug and fix. */
  knobs?: boolean;
  /** In embed mode, show the demo's explanation. */
  explain?: boolean;
  /** In embed mode, only these tabs of the views pane, in this order. */
  views?: ViewName[];
  /** Prediction mode: the reader commits to an outcome before the first run. */
  predict?: boolean;
  /** The frame posts its content height to the host page (`interleave:resize`). */
  resize?: boolean;
};

const THEMES = ['light', 'dark'] as const;
const VIEWS = ['code', 'timeline', 'chart'] as const;
const SWITCHES = ['knobs', 'explain', 'predict', 'resize'] as const;

/** Every flag a share link may carry, in the order links write them. */
export const FLAG_NAMES = [
  'embed',
  'autorun',
  'edit',
  'theme',
  'view',
  ...SWITCHES,
  'views',
] as const;

/** Reads the query flags from `location.search` (with or without '?'). Never throws. */
export function parseFlags(search: string): Flags {
  const query = new URLSearchParams(search);
  const flag = (name: string): boolean => ['1', 'true'].includes(query.get(name) ?? '');
  const flags: Flags = { embed: flag('embed'), autorun: flag('autorun'), edit: flag('edit') };
  const theme = THEMES.find((value) => value === query.get('theme'));
  if (theme) flags.theme = theme;
  const view = VIEWS.find((value) => value === query.get('view'));
  if (view) flags.view = view;
  for (const name of SWITCHES) if (flag(name)) flags[name] = true;
  const views = [...new Set((query.get('views') ?? '').split(','))].filter(isViewName);
  if (views.length > 0) flags.views = views;
  return flags;
}

function isViewName(name: string): name is ViewName {
  return VIEW_NAMES.some((known) => known === name);
}

/**
 * Whether to run as soon as the link opens: only when asked and only for a demo's own program.
 * A link carrying its own code never runs before the reader has seen it and clicked Run, and a
 * prediction exercise never runs before the reader has predicted.
 */
export function shouldAutorun(state: State, flags: Flags): boolean {
  return flags.autorun && !flags.predict && state.code === undefined;
}
