import type { DemoDefinition } from '../demos/types';
import { knobDefaults } from '../runtime/session';
import type { DemoLookup } from '../share/url-state';

/** How share links find a demo's defaults (program, knob values and ranges), given a demo finder. */
export function lookupBy(find: (id: string) => DemoDefinition | undefined): DemoLookup {
  return (id) => {
    const demo = find(id);
    if (!demo) return undefined;
    const ranges = demo.knobs.flatMap((k) =>
      k.kind === 'number' ? [[k.id, { min: k.min, max: k.max }] as const] : [],
    );
    return {
      source: demo.source,
      params: knobDefaults(demo),
      ranges: Object.fromEntries(ranges),
    };
  };
}

/** The lookup over a catalogue (where no session exists: the fallback page, the link worker). */
export function lookupOf(catalogue: readonly DemoDefinition[]): DemoLookup {
  return lookupBy((id) => catalogue.find((d) => d.id === id));
}
