import { useCallback, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useKeyboard, useKeyboardPart, type KeyboardLayout } from './keyboard-context';
import { prefetchPinyinEngine } from './pinyin/use-pinyin-engine';

export interface KioskFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  layout: KeyboardLayout;
  maxLength?: number;
  required?: boolean;
  /** Shown under the field and announced; marks the field invalid. */
  error?: string | undefined;
  hint?: string | undefined;
  /** Marks the field as filled from the ID card (零填表): read-only, shown as such. */
  fromCard?: boolean;
  name?: string;
}

/**
 * A labelled text field for the kiosk: touching it opens the on-screen keyboard in the right
 * layout; a physical keyboard (or a scanner wedge) types into it as usual.
 */
export function KioskField(props: KioskFieldProps) {
  const id = useId();
  const keyboard = useKeyboard();
  const { label, value, onChange, layout, maxLength = 200, required = false, error, hint, fromCard = false, name } = props;
  const isActive = keyboard.active?.id === id;
  const input = useRef<HTMLInputElement>(null);
  // The keys write at the field's caret: where the finger last touched the text, or where the
  // keyboard's last write left it. A physical keyboard moves it as it types.
  const caret = useCallback(() => {
    const box = input.current;
    return box !== null && document.activeElement === box ? box.selectionStart : null;
  }, []);
  // After the keyboard wrote into this field, the caret goes just after what went in (a new value
  // would otherwise put it at the end). Only on the keyboard's writes: never while a physical
  // keyboard or a scanner types, whose caret the browser keeps.
  const placement = useKeyboardPart((state) => (state.active?.id === id ? state.caretAfterWrite : null));
  useLayoutEffect(() => {
    const box = input.current;
    if (placement === null || box === null || document.activeElement !== box) return;
    const at = placement.at === 'end' ? box.value.length : Math.min(placement.at, box.value.length);
    box.setSelectionRange(at, at);
  }, [placement]);

  // A screen with a Chinese field loads the pinyin index as it opens (when the page is idle), so
  // the first touch of the field never waits for its candidates.
  const chinese = layout === 'pinyin' && !fromCard;
  useEffect(() => {
    if (chinese) prefetchPinyinEngine();
  }, [chinese]);

  // Keep the keyboard's copy of the value current while this field is the active one.
  useEffect(() => {
    if (isActive && keyboard.active?.value !== value) keyboard.activate({ id, layout, value, maxLength, onChange, caret });
  }, [isActive, value, layout, maxLength, onChange, keyboard, id, caret]);

  const open = () => {
    if (!fromCard && !isActive) keyboard.activate({ id, layout, value, maxLength, onChange, caret });
  };

  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${fromCard ? ' field-from-card' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        ref={input}
        id={id}
        name={name}
        value={value}
        readOnly={fromCard}
        required={required}
        maxLength={maxLength}
        inputMode={layout === 'pinyin' || layout === 'latin' ? 'text' : 'numeric'}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onFocus={open}
        // After 完成 the field still has the focus: touching it again brings the keyboard back,
        // writing where the finger touched the text (a composition under way goes in first).
        onClick={(e) => {
          open();
          if (isActive) keyboard.touch(id, e.currentTarget.selectionStart ?? value.length);
        }}
        onBlur={() => keyboard.finishComposition(id)}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
