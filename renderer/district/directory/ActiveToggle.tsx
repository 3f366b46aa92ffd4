import { useTranslation } from 'react-i18next';

/** 在用 / 已停用. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <span className="console-badge tone-ok">{t('dstDirectory.active')}</span>
  ) : (
    <span className="console-badge">{t('dstDirectory.inactive')}</span>
  );
}

/** Deactivates an active unit or person, activates an inactive one: records are kept, never deleted. */
export function ActiveToggle({
  name,
  active,
  busy,
  onToggle,
}: {
  name: string;
  active: boolean;
  busy: boolean;
  onToggle: (active: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={active ? 'console-button danger' : 'console-button'}
      aria-label={t(active ? 'dstDirectory.deactivateOf' : 'dstDirectory.activateOf', { name })}
      disabled={busy}
      onClick={() => onToggle(!active)}
    >
      {t(active ? 'dstDirectory.deactivate' : 'dstDirectory.activate')}
    </button>
  );
}
