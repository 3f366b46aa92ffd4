import { useTranslation } from 'react-i18next';
import type { RulesVersion } from '../../../contracts/platform-complaint-settings';
import { formatDateTime } from '../session';

/** Who saved a version and when; `seed` reads as the initial settings. */
export function RulesVersionLine({ version }: { version: RulesVersion }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {t('dstSettings.version', {
        version: version.version,
        who: version.createdBy === 'seed' ? t('dstSettings.seed') : version.createdBy,
        time: formatDateTime(version.createdAt, i18n.language),
      })}
    </>
  );
}

/** The versions, newest first: what was in force when, and who changed it. */
export function RulesHistory({ history, testId }: { history: readonly RulesVersion[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('dstSettings.history')}</summary>
      <ol className="dst-history" data-testid={testId}>
        {history.map((version) => (
          <li key={version.version}>
            <RulesVersionLine version={version} />
          </li>
        ))}
      </ol>
    </details>
  );
}
