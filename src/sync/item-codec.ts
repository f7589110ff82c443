import type { Heap } from './heap';

// An item slot — SLOT_WORDS Int32 words, 8-byte aligned
// | word | meaning                                                        |
// | 0    | tag: 1 number · 2 string · 3 JSON text · 4 undefined            |
// | 1    | length in UTF-16 code units (strings and JSON)                  |
// | 2 …  | a float64 (numbers) or UTF-16 code units (strings and JSON)     |
// Numbers skip JSON entirely: they are what most queues carry.

/** Words per slot: 2 header words + 256 UTF-16 code units. */
export const SLOT_WORDS = 130;
/** The most UTF-16 code units a string (or an item's JSON text) may have. */
export const MAX_ITEM_CHARS = (SLOT_WORDS - 2) * 2;

const Tag = { number: 1, string: 2, json: 3, undefined: 4 } as const;

/** A value that can travel through shared memory: numbers, strings, small JSON values. */
export type Item =
  number | string | boolean | null | undefined | readonly Item[] | { readonly [key: string]: Item };

/** An item checked and turned into what a slot stores. */
export type EncodedItem =
  | { tag: typeof Tag.number; value: number }
  | { tag: typeof Tag.undefined }
  | { tag: typeof Tag.string | typeof Tag.json; text: string };

/**
 * Checks `value` and encodes it for a slot, before any lock is taken: an item that cannot travel
 * fails with a clear error whether or not the queue has room. `what` names the call, only on error.
 */
export function encodeItem(value: unknown, what: () => string): EncodedItem {
  if (typeof value === 'number') return { tag: Tag.number, value };
  if (value === undefined) return { tag: Tag.undefined };
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'function' || typeof value === 'symbol'
        ? undefined
        : JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError(`${what()} can only carry numbers, strings and JSON values.`);
  }
  if (text.length > MAX_ITEM_CHARS) {
    throw new RangeError(
      `${what()}: an item of ${text.length} characters does not fit; items hold at most ${MAX_ITEM_CHARS} characters (as JSON).`,
    );
  }
  return { tag: typeof value === 'string' ? Tag.string : Tag.json, text };
}

/** Writes an encoded item into the slot at Int32 index `slot`. */
export function writeItem(heap: Heap, slot: number, item: EncodedItem): void {
  const i32 = heap.i32;
  if (item.tag === Tag.number) heap.f64[(slot + 2) >> 1] = item.value;
  else if (item.tag !== Tag.undefined) {
    const u16 = heap.u16;
    const start = (slot + 2) * 2;
    for (let i = 0; i < item.text.length; i++) u16[start + i] = item.text.charCodeAt(i);
    i32[slot + 1] = item.text.length;
  }
  i32[slot] = item.tag;
}

/** Reads the item in the slot at Int32 index `slot`. */
export function readItem(heap: Heap, slot: number): Item {
  const i32 = heap.i32;
  const tag = i32[slot];
  if (tag === Tag.number) return heap.f64[(slot + 2) >> 1] ?? 0;
  if (tag === Tag.undefined) return undefined;
  const length = i32[slot + 1] ?? 0;
  const start = (slot + 2) * 2;
  const text = String.fromCharCode(...heap.u16.subarray(start, start + length));
  return tag === Tag.string ? text : (JSON.parse(text) as Item);
}
