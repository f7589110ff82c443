import { originalPosition, type PositionMap } from './position-map';

// The position maps of the program modules a worker evaluated, by module URL. A worker runs one
// thread at a time, and an error is read while its thread (or check) still runs, so only the
// newest few are ever asked for.
const KEEP = 16;
const maps = new Map<string, PositionMap>();

/** Records that the module at `url` is instrumented code whose positions `map` maps back. */
export function rememberPositions(url: string, map: PositionMap): void {
  maps.set(url, map);
  for (const oldest of maps.keys()) {
    if (maps.size <= KEEP) break;
    maps.delete(oldest);
  }
}

/** A 1-based position in the module at `url` as the learner's source has it. */
export function sourcePosition(
  url: string,
  line: number,
  column: number,
): { line: number; column: number } {
  const map = maps.get(url);
  return map ? originalPosition(map, line, column) : { line, column };
}
