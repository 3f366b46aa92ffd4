import { useTranslation } from 'react-i18next';

/**
 * 长辈版 as a switch: the button is always called 长辈版 and shows its state beside the name
 * (a sliding knob and 开 / 关). A button whose label flipped to 标准版 when on read as "this is
 * the standard version", the opposite of what it meant. The state is given by aria-pressed, so
 * the visible 开 / 关 is hidden from screen readers, which would otherwise hear it twice.
 */
export function ElderSwitch({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tool elder-switch" aria-pressed={on} title={t('kiosk.elderSwitch.hint')} onClick={onToggle}>
      <span className="elder-switch-label">{t('kiosk.elderSwitch.label')}</span>
      <span className="elder-switch-track" aria-hidden="true">
        <span className="elder-switch-knob" />
      </span>
      <span className="elder-switch-state" aria-hidden="true">
        {on ? t('kiosk.elderSwitch.on') : t('kiosk.elderSwitch.off')}
      </span>
    </button>
  );
}
