import './keyboard.css';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CandidateBar } from './CandidateBar';
import { KeyRows } from './KeyRows';
import { useKeyboardState, useKeyboardStore } from './keyboard-context';
import { LAYOUT_ROWS, LETTERS_IN_PINYIN_FIELD } from './layouts';
import { useFieldInView } from './use-field-in-view';

/**
 * The on-screen keyboard, one panel docked under the page while a field is being typed: for a
 * Chinese field the pinyin being composed and its candidates, then the keys; number fields get a
 * keypad. The page's content area shrinks by its height, so it never covers a field
 * (the kiosk's and the rating pad's layouts keep it in their column).
 */
export function OnScreenKeyboard() {
  const { t } = useTranslation();
  const store = useKeyboardStore();
  const { active, composing, latin } = useKeyboardState();
  const panel = useRef<HTMLDivElement>(null);
  useFieldInView(panel, active?.id);
  // The same object while the language and 英 stay: the keys (memoized) do not render per letter.
  const names = useMemo<Record<string, string>>(
    () => ({
      '{bksp}': t('keyboard.backspace'),
      '{space}': t('keyboard.space'),
      '{done}': t('keyboard.done'),
      '{lang}': latin ? t('keyboard.toPinyin') : t('keyboard.toLatin'),
    }),
    [t, latin],
  );
  if (!active) return null;
  const pinyin = active.layout === 'pinyin';
  const rows = pinyin && latin ? LETTERS_IN_PINYIN_FIELD : LAYOUT_ROWS[active.layout];
  return (
    <div
      ref={panel}
      className={`osk osk-${pinyin && latin ? 'latin' : active.layout}`}
      role="group"
      aria-label={t('keyboard.label')}
      data-testid="osk"
    >
      {pinyin && !latin && <CandidateBar composing={composing} onPick={store.pick} />}
      <KeyRows rows={rows} names={names} onPress={store.press} />
    </div>
  );
}
