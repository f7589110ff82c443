// A float64 in the 56 bits a trace slot has free: its high word goes in the slot's value word, the
// next 23 bits of mantissa in aux (a signed 24-bit field), whose sign bit flags a float. 43 of the
// 52 mantissa bits survive, rounded to nearest: about 12 significant digits, so decoding rounds to
// 12 digits and gives back the decimals a program wrote (0.1 stays 0.1).

const LOW_BITS = 23;
const FLOAT_FLAG = 1 << LOW_BITS;
const DROPPED_BITS = 32 - LOW_BITS;
const SIGNIFICANT_DIGITS = 12;

const f64 = new Float64Array(1);
// Little-endian, as every platform that runs SharedArrayBuffer in practice: [low word, high word].
const halves = new Int32Array(f64.buffer);

/** Writes `value`'s slot encoding into `into`: `[value word, aux]`. */
export function encodeFloat(value: number, into: Int32Array): void {
  f64[0] = value;
  const low = (halves[0] ?? 0) >>> 0;
  let high = halves[1] ?? 0;
  let kept = (low >>> DROPPED_BITS) + ((low >>> (DROPPED_BITS - 1)) & 1);
  if (kept === FLOAT_FLAG) {
    // Rounding carried out of the kept bits: into the high word, as IEEE rounding does.
    kept = 0;
    high = (high + 1) | 0;
  }
  into[0] = high;
  into[1] = FLOAT_FLAG | kept;
}

/** Whether a value event's aux (sign-extended from 24 bits) carries a float. */
export function isFloatAux(aux: number): boolean {
  return aux < 0;
}

/** The float a value word and a float aux encode. */
export function decodeFloat(valueWord: number, aux: number): number {
  halves[1] = valueWord;
  halves[0] = (aux & (FLOAT_FLAG - 1)) << DROPPED_BITS;
  const value = f64[0] ?? 0;
  return Number.isFinite(value) ? Number(value.toPrecision(SIGNIFICANT_DIGITS)) : value;
}
