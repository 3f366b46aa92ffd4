import { memo, type SyntheticEvent } from 'react';
import { keysOf } from './layouts';

/**
 * The keys, one button each. A key never takes the focus from the field being typed (the press
 * is handled on click, the focus change of the pointer's down is prevented), so the field keeps
 * its caret and the screen reader stays on it. `data-skbtn` names each key as the keyboard
 * library before this one did: tests and benchmarks address keys by it. Memoized: a letter of
 * pinyin changes the candidates, never the keys, and some forty buttons need not render again.
 */
export const KeyRows = memo(function KeyRows({
  rows,
  names,
  onPress,
}: {
  rows: readonly string[];
  /** Accessible names (and labels) of the function keys. */
  names: Readonly<Record<string, string>>;
  onPress: (key: string) => void;
}) {
  return (
    <div className="osk-keys">
      {rows.map((row) => (
        <div key={row} className="osk-row">
          {keysOf(row).map((key) => {
            const fn = key.startsWith('{');
            return (
              <button
                key={key}
                type="button"
                className={fn ? `osk-key osk-fn osk-${key.slice(1, -1)}` : 'osk-key'}
                data-skbtn={key}
                onPointerDown={keepFocus}
                onMouseDown={keepFocus}
                onClick={() => onPress(key)}
              >
                {fn ? (names[key] ?? key) : key}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
});

/** The field being typed keeps the focus: a key is pressed, not focused. */
export function keepFocus(event: SyntheticEvent): void {
  event.preventDefault();
}
