import type { StatePattern } from './palette';

// Canvas patterns for the blocked states, drawn once per context, pixel ratio and ink, at device
// resolution (a CSS-pixel tile would be upscaled and blurred on high-DPI screens).

type Patterns = Record<Exclude<StatePattern, 'none'>, CanvasPattern | null>;

const cache = new WeakMap<CanvasRenderingContext2D, Map<string, Patterns>>();

const TILE_PX = 6;

/** The hatch, dot and cross-hatch patterns for `ctx`, in `ink`, at `dpr` device pixels per CSS pixel. */
export function patternsFor(ctx: CanvasRenderingContext2D, dpr: number, ink: string): Patterns {
  const key = `${dpr}|${ink}`;
  let byKey = cache.get(ctx);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(ctx, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const made: Patterns = {
    hatch: make(ctx, dpr, ink, (tile, n) => diagonal(tile, n, false)),
    dots: make(ctx, dpr, ink, (tile, n) => {
      tile.beginPath();
      tile.arc(n / 2, n / 2, n * 0.17, 0, 2 * Math.PI);
      tile.fill();
    }),
    cross: make(ctx, dpr, ink, (tile, n) => {
      diagonal(tile, n, false);
      diagonal(tile, n, true);
    }),
  };
  byKey.set(key, made);
  return made;
}

type Tile = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function make(
  ctx: CanvasRenderingContext2D,
  dpr: number,
  ink: string,
  paint: (tile: Tile, sizePx: number) => void,
): CanvasPattern | null {
  const sizePx = Math.max(1, Math.round(TILE_PX * dpr));
  const canvas =
    typeof OffscreenCanvas === 'undefined'
      ? Object.assign(document.createElement('canvas'), { width: sizePx, height: sizePx })
      : new OffscreenCanvas(sizePx, sizePx);
  const tile = canvas.getContext('2d') as Tile | null;
  if (tile === null) return null;
  tile.strokeStyle = ink;
  tile.fillStyle = ink;
  tile.lineWidth = 1.2 * dpr;
  paint(tile, sizePx);
  const pattern = ctx.createPattern(canvas, 'repeat');
  // The frame draws in CSS pixels (scaled by dpr); undo that for the device-resolution tile.
  pattern?.setTransform(new DOMMatrix().scaleSelf(1 / dpr, 1 / dpr));
  return pattern;
}

/** A 45° line through the tile, plus the corner pieces that make it seamless when repeated. */
function diagonal(tile: Tile, n: number, mirrored: boolean): void {
  const x = (v: number) => (mirrored ? n - v : v);
  tile.beginPath();
  tile.moveTo(x(0), n);
  tile.lineTo(x(n), 0);
  tile.moveTo(x(-1), 1);
  tile.lineTo(x(1), -1);
  tile.moveTo(x(n - 1), n + 1);
  tile.lineTo(x(n + 1), n - 1);
  tile.stroke();
}
