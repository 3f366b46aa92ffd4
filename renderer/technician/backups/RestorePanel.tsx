import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestorePreview } from '../../../contracts/backups';
import { useApi } from '../../api/context';

/** A count in the backup and now; '—' where that database could not be read. */
const shown = (n: number | null) => (n === null ? '—' : String(n));

/**
 * The dry run of a restore, as the host answered it, and the restore itself. What would change is
 * said before the button: the backup's date and check, today's tickets and the cases in it and now,
 * what was submitted since (what the central API has, what is carried over), and where numbering
 * goes on. A backup the host refuses cannot be restored; over a current database that cannot be
 * read, the technician must first say they understand what stays only in the kept file.
 */
export function RestorePanel(props: {
  preview: RestorePreview;
  time: (iso: string | null) => string;
  describe: (error: unknown) => string;
  onClose: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const ids = useId();
  const p = props.preview;
  const [accepted, setAccepted] = useState(false);
  const restore = useMutation({ mutationFn: () => api.restoreBackup(p.name, accepted) });
  const refused = p.refusals.length > 0;
  const mayRestore = !refused && (p.currentReadable || accepted) && !restore.isPending && !restore.isSuccess;

  return (
    <section className="tech-backups-restore" aria-labelledby={`${ids}-title`} data-testid="tech-backups-preview">
      <h3 id={`${ids}-title`}>{t('techBackups.preview.title', { date: props.time(p.createdAt) })}</h3>
      {refused ? (
        <div className="tech-verdict tone-bad" role="alert" data-testid="tech-backups-refusals">
          <p>{t('techBackups.preview.refused')}</p>
          <ul>
            {p.refusals.map((r) => (
              <li key={r}>{t(`techBackups.refusals.${r}`, { backup: p.hallId.backup ?? '—', here: p.hallId.here })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="tech-verdict tone-ok" role="status">
          {t('techBackups.preview.fine')}
        </p>
      )}
      <dl className="tech-stats">
        <div>
          <dt>{t('techBackups.preview.check')}</dt>
          <dd className="tech-stat-text">{t(`techBackups.checks.${p.check.result}`)}</dd>
          <dd className="tech-stat-explain">
            {t('techBackups.preview.version', { backup: p.schema.backup ?? '—', build: p.schema.build })}
          </dd>
        </div>
        <div data-testid="tech-backups-tickets">
          <dt>{t('techBackups.preview.ticketsToday')}</dt>
          <dd className="tech-stat-text">
            {t('techBackups.preview.compare', { backup: shown(p.ticketsToday.backup), now: shown(p.ticketsToday.now) })}
          </dd>
        </div>
        <div data-testid="tech-backups-cases">
          <dt>{t('techBackups.preview.cases')}</dt>
          <dd className="tech-stat-text">
            {t('techBackups.preview.compare', { backup: shown(p.cases.backup), now: shown(p.cases.now) })}
          </dd>
        </div>
      </dl>
      {p.since ? (
        <ul className="tech-backups-since" data-testid="tech-backups-since">
          <li>
            {p.since.cases.missing === 0
              ? t('techBackups.preview.sinceCasesNone')
              : t('techBackups.preview.sinceCases', p.since.cases)}
          </li>
          <li>
            {p.since.evaluations.missing === 0
              ? t('techBackups.preview.sinceEvaluationsNone')
              : t('techBackups.preview.sinceEvaluations', p.since.evaluations)}
          </li>
          {p.since.otherEntries > 0 && <li>{t('techBackups.preview.sinceOther', { count: p.since.otherEntries })}</li>}
        </ul>
      ) : null}
      {!p.currentReadable && (
        <div className="tech-verdict tone-warn" role="alert">
          <p>{t('techBackups.preview.unreadable')}</p>
          <label className="tech-check">
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} />
            {t('techBackups.preview.accept')}
          </label>
        </div>
      )}
      <p data-testid="tech-backups-numbering">
        {p.numbering.length === 0
          ? t('techBackups.preview.numberingNone')
          : t('techBackups.preview.numbering', { numbers: p.numbering.map((n) => n.highest).join('、') })}
      </p>
      <p className="console-muted">{t('techBackups.preview.howItGoes')}</p>
      <div className="tech-form-buttons">
        <button type="button" className="console-button danger" disabled={!mayRestore} onClick={() => restore.mutate()}>
          {t('techBackups.preview.confirm')}
        </button>
        <button
          type="button"
          className="console-button"
          disabled={restore.isPending || restore.isSuccess}
          onClick={props.onClose}
        >
          {t('techBackups.preview.cancel')}
        </button>
      </div>
      {restore.isSuccess && (
        <p className="tech-verdict tone-ok" role="status" data-testid="tech-backups-restarting">
          {t('techBackups.preview.restarting', { kept: restore.data.keptAs })}
        </p>
      )}
      {restore.isError && (
        <p className="error" role="alert">
          {props.describe(restore.error)}
        </p>
      )}
    </section>
  );
}
