// What a worker needs of instrumented code (./instrument.ts makes it in the runner): the hook's
// name, and how to map a position in the instrumented code back to the learner's source.

/**
 * The global the instrumented program calls at every loop back-edge and function entry. One call
 * with a name no program uses; the worker defines it once, non-writable (worker/tick.ts).
 */
export const TICK_HOOK = '__interleave_tick__';

/** Where text was inserted on one line of the instrumented code (0-based columns there). */
export type LineInsertion = { column: number; length: number };

/** Per 1-based line, the insertions on it in column order: what maps a position back. */
export type PositionMap = ReadonlyMap<number, readonly LineInsertion[]>;

export type Instrumented = { code: string; map: PositionMap };

/** A position (1-based line and column) in the instrumented code, as the learner's source has it. */
export function originalPosition(
  map: PositionMap,
  line: number,
  column: number,
): { line: number; column: number } {
  let at = column - 1;
  let shift = 0;
  for (const insertion of map.get(line) ?? []) {
    if (at >= insertion.column + insertion.length) shift += insertion.length;
    else {
      // Inside the inserted call (a frame of the hook itself): the place it was inserted at.
      if (at >= insertion.column) at = insertion.column;
      break;
    }
  }
  return { line, column: at - shift + 1 };
}
