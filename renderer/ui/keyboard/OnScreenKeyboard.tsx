import 'react-simple-keyboard/build/css/index.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Keyboard, { type SimpleKeyboard } from 'react-simple-keyboard';
import { useKeyboard } from './keyboard-context';
import { LAYOUT_ROWS, LETTERS_IN_PINYIN_FIELD, pinyinCandidates } from './layouts';

/**
 * The on-screen keyboard, docked at the bottom while a field has focus. Chinese is typed as
 * pinyin syllables and picked from the candidate bar (拼音输入); number fields get a keypad.
 */
export function OnScreenKeyboard() {
  const { t } = useTranslation();
  const { active, close } = useKeyboard();
  const keyboard = useRef<SimpleKeyboard | null>(null);
  // The citizen may switch a pinyin field to letters (and back) for names of firms, e-mail…
  const [latin, setLatin] = useState(false);
  // Each field starts in its own layout: the switch is reset as the render sees another field.
  const [fieldId, setFieldId] = useState(active?.id);
  if (fieldId !== active?.id) {
    setFieldId(active?.id);
    setLatin(false);
  }
  const layout = active?.layout === 'pinyin' && latin ? 'latin' : (active?.layout ?? 'latin');

  useEffect(() => {
    keyboard.current?.setInput(active?.value ?? '');
  }, [active?.value, active?.id]);

  if (!active) return null;
  return (
    <div className={`osk osk-${layout}`} role="group" aria-label={t('keyboard.label')} data-testid="osk">
      <Keyboard
        keyboardRef={(instance: SimpleKeyboard) => {
          keyboard.current = instance;
        }}
        layout={{ default: active.layout === 'pinyin' && latin ? LETTERS_IN_PINYIN_FIELD : LAYOUT_ROWS[layout] }}
        layoutName="default"
        enableLayoutCandidates={layout === 'pinyin'}
        layoutCandidates={layout === 'pinyin' ? pinyinCandidates : {}}
        maxLength={active.maxLength}
        display={{
          '{bksp}': t('keyboard.backspace'),
          '{space}': t('keyboard.space'),
          '{done}': t('keyboard.done'),
          '{lang}': layout === 'pinyin' ? t('keyboard.toLatin') : t('keyboard.toPinyin'),
        }}
        onChange={(value: string) => active.onChange(value)}
        onKeyPress={(button: string) => {
          if (button === '{done}') close();
          if (button === '{lang}') setLatin((v) => !v);
        }}
        preventMouseDownDefault
      />
    </div>
  );
}
