import { ValueStore } from './value-store';

/** What the reader must be told about things that happened after the page opened. */
export type Notices = {
  /** The last attempt to save the draft failed (storage full or refused). */
  draftUnsaved: boolean;
  /** The page around this frame loaded a program of its own; `ran` once it also started it. */
  hostCode: { origin: string; ran: boolean } | null;
  /** Knob settings a `load` asked for outside their range, and what was used instead. */
  clamped: string[];
};

/** Startup and the scripting API write the notices; the workbench shows them. */
export class NoticeBoard extends ValueStore<Notices> {
  constructor() {
    super({ draftUnsaved: false, hostCode: null, clamped: [] });
  }

  update(change: Partial<Notices>): void {
    this.set({ ...this.get(), ...change });
  }
}
