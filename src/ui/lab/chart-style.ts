// Shared look of the lab's charts: series colours that stay apart for common colour-vision
// deficiencies (Okabe & Ito, "Color Universal Design", 2008) and one number format.

const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;

export const REFERENCE_COLOR = '#888888';
export const AMDAHL_COLOR = '#6a3d9a';

export const seriesColor = (index: number): string =>
  SERIES_COLORS[index % SERIES_COLORS.length] as string;

/** Tooltip text: numbers to 2 decimals, a [min, max] band as "min–max". */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return value.toFixed(2);
  if (Array.isArray(value)) return value.map(formatValue).join('–');
  return String(value);
}
