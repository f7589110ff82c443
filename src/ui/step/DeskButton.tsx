import type { ReactNode } from 'react';

type Props = {
  /** Not usable now: announced as unavailable but kept focusable, so focus is never lost. */
  off: boolean;
  onPress(): unknown;
  primary?: boolean;
  children: ReactNode;
};

/**
 * A step control. It is `aria-disabled` rather than `disabled`: a key press that ends the run
 * would otherwise disable the focused button and drop the keyboard user's focus to the page.
 */
export function DeskButton({ off, onPress, primary, children }: Props) {
  return (
    <button
      type="button"
      className={primary ? 'primary' : undefined}
      aria-disabled={off}
      onClick={() => {
        if (!off) void onPress();
      }}
    >
      {children}
    </button>
  );
}
