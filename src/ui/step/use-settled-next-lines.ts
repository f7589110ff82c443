import { useState } from 'react';
import type { NextLine } from '../editor/next-lines';

/**
 * The editor's next lines, changed only when they differ and the step queue has `settled` (at
 * most the step in flight): redrawing Monaco's decorations costs more than a step, so a burst of
 * key presses moves the highlights once it is through, not at every step of it.
 */
export function useSettledNextLines(lines: NextLine[], settled: boolean): readonly NextLine[] {
  const key = JSON.stringify(lines);
  const [shown, setShown] = useState({ key, lines });
  // Adjusting state while rendering (React's pattern for state derived from props).
  if (settled && shown.key !== key) setShown({ key, lines });
  return shown.lines;
}
