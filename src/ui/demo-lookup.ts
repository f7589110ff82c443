import type { DemoDefinition } from '../demos/types';
import { knobDefaults } from '../runtime/session';
import type { DemoLookup } from '../share/url-state';

/** How share links find a demo's defaults (its program and knob values), from a catalogue. */
export function lookupOf(catalogue: readonly DemoDefinition[]): DemoLookup {
  return (id) => {
    const demo = catalogue.find((d) => d.id === id);
    return demo ? { source: demo.source, params: knobDefaults(demo) } : undefined;
  };
}
