import type { State } from '../runtime/contract-types';
import { VIEW_NAMES, type Flags, type ViewName } from './flags';

/** What a course author ticks in the Embed dialog. All off (and every view) is the minimal embed. */
export type EmbedOptions = {
  knobs: boolean;
  explain: boolean;
  /** The views pane's tabs to show; none hides the pane (the program alone). */
  views: readonly ViewName[];
  step: boolean;
  predict: boolean;
  resize: boolean;
  edit: boolean;
};

export const MINIMAL_EMBED: EmbedOptions = {
  knobs: false,
  explain: false,
  views: VIEW_NAMES,
  step: false,
  predict: false,
  resize: false,
  edit: false,
};

/** The flags of an embed link: only the switches that are on, and `views` only when narrowed. */
export function embedFlagsOf(options: EmbedOptions): Partial<Flags> {
  const flags: Partial<Flags> = { embed: true };
  for (const name of ['knobs', 'explain', 'predict', 'resize', 'edit'] as const)
    if (options[name]) flags[name] = true;
  if (options.views.length === 0) flags.view = 'code';
  else if (options.views.length < VIEW_NAMES.length)
    flags.views = VIEW_NAMES.filter((name) => options.views.includes(name));
  return flags;
}

/** The state an embed opens: the setup as it is, in step mode when asked. */
export function embedStateOf(state: State, options: EmbedOptions): State {
  if (options.step) return { ...state, mode: 'step' };
  const { mode: _mode, schedule: _schedule, ...parallel } = state;
  return parallel;
}
