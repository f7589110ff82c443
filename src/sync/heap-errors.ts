import { objectKindName, type ObjectKind } from './kinds';

// What a failed allocation says: the sentences a program's author reads.

/** Thrown when a program's top level declares different objects in different threads. */
export class HeapMismatchError extends Error {}

export function outOfMemory(): RangeError {
  return new RangeError(
    'Out of shared memory: the program allocates more shared objects than the heap holds.',
  );
}

export function kindLabel(kind: ObjectKind): string {
  return objectKindName[kind] ?? 'Object';
}
