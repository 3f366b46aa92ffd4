import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupHealth, BackupList } from '../../../contracts/backups';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { addAreaMessages } from '../../i18n';
import type { Tone } from '../DeviceCard';
import { formatTime, useTechSession } from '../session';
import { techBackupsMessages } from './messages';
import { RestorePanel } from './RestorePanel';
import './backups.css';

// The screen's words ship with the console's code, not in every kiosk's first download.
addAreaMessages([techBackupsMessages]);

/** Under 'tech': signing out drops it with the rest of the console's data. */
export const BACKUPS_KEY = ['tech', 'backups'] as const;

/** Refusals and failures worth their own words; the rest read as the console's generic messages. */
const OWN_ERRORS = ['backup_unavailable', 'backup_busy', 'backup_refused', 'restore_unacknowledged', 'not_found'] as const;

/** The one sentence at the top: whether the hall's data is kept safe. */
function verdictOf(health: BackupHealth): Tone {
  if (health.state === 'ok') return 'ok';
  if (health.state === 'none') return 'warn';
  return 'bad';
}

/** A file size in the console's words (kB under a megabyte). */
export function formatSize(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / 1024 / 1024)} MB`;
}

/**
 * 备份: the nightly backups of this host's database (technicians; supervisors look): where they
 * go and whether the last one worked, each backup with its date, size and check, a backup now, and
 * a restore after its dry run (RestorePanel). The host does and checks everything; this screen
 * only says what it answered.
 */
export function BackupsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const ids = useId();
  const list = useQuery({ queryKey: BACKUPS_KEY, queryFn: api.backups, refetchInterval: 30_000 });
  const [chosen, setChosen] = useState<string | null>(null);
  const time = (iso: string | null) => formatTime(iso, session.timeZone, i18n.language);

  const backUp = useMutation({
    mutationFn: api.backUpNow,
    onSuccess: (fresh: BackupList) => queryClient.setQueryData(BACKUPS_KEY, fresh),
    onError: () => void queryClient.invalidateQueries({ queryKey: BACKUPS_KEY }),
  });
  const dryRun = useMutation({ mutationFn: (name: string) => api.previewRestore(name) });
  const describe = (error: unknown) => {
    const code = error instanceof ApiClientError ? OWN_ERRORS.find((c) => c === error.code) : undefined;
    return code
      ? t(`techBackups.errors.${code}`, { detail: error instanceof Error ? error.message : '' })
      : session.failed(error);
  };

  const data = list.data;
  const health = data?.health;
  const canRestore = session.canConfigure;

  return (
    <section className="tech-screen tech-backups" aria-labelledby={`${ids}-title`}>
      <div className="tech-screen-head">
        <h2 id={`${ids}-title`}>{t('techBackups.title')}</h2>
        <button type="button" className="console-button" disabled={list.isFetching} onClick={() => void list.refetch()}>
          {t('techBackups.refresh')}
        </button>
      </div>
      <p className="console-muted">{t('techBackups.intro')}</p>
      {list.isError && (
        <p className="error" role="alert">
          {session.describeError(list.error)}
        </p>
      )}
      {list.isPending && <p>{t('tech.loading')}</p>}
      {data && health && (
        <>
          <p className={`tech-verdict tone-${verdictOf(health)}`} role="status" data-testid="tech-backups-verdict">
            {health.state === 'failed' && health.lastFailure
              ? t('techBackups.verdict.failed', {
                  at: time(health.lastFailure.at),
                  reason: t(`techBackups.failures.${health.lastFailure.code}`),
                })
              : t(`techBackups.verdict.${health.state}`, { at: time(health.lastSuccessAt) })}
          </p>
          {health.state === 'failed' && health.lastFailure && (
            <p className="tech-last-error" data-testid="tech-backups-failure">
              <code>{health.lastFailure.message}</code>
            </p>
          )}
          <dl className="tech-stats">
            <div>
              <dt>{t('techBackups.folder')}</dt>
              <dd className="tech-stat-text" data-testid="tech-backups-folder">
                {data.folder === null ? t('techBackups.noFolder') : <code>{data.folder}</code>}
              </dd>
              <dd className="tech-stat-explain">{t('techBackups.folderExplain')}</dd>
            </div>
            <div>
              <dt>{t('techBackups.lastSuccess')}</dt>
              <dd className="tech-stat-text">{health.lastSuccessAt ? time(health.lastSuccessAt) : t('techBackups.never')}</dd>
            </div>
            <div>
              <dt>{t('techBackups.next')}</dt>
              <dd className="tech-stat-text">{health.nextAt ? time(health.nextAt) : '—'}</dd>
            </div>
          </dl>
          {data.folderProblem && (
            <p className="error" role="alert" data-testid="tech-backups-folder-problem">
              {t(`techBackups.failures.${data.folderProblem.code}`)} <code>{data.folderProblem.message}</code>
            </p>
          )}
          {canRestore && (
            <div className="tech-form-buttons">
              <button
                type="button"
                className="console-button primary"
                disabled={data.folder === null || health.running || backUp.isPending}
                onClick={() => backUp.mutate()}
              >
                {backUp.isPending || health.running ? t('techBackups.running') : t('techBackups.backUpNow')}
              </button>
            </div>
          )}
          {backUp.isSuccess && (
            <p className="tech-verdict tone-ok" role="status">
              {t('techBackups.made')}
            </p>
          )}
          {backUp.isError && (
            <p className="error" role="alert">
              {describe(backUp.error)}
            </p>
          )}
          {data.lastRestore && (
            <p
              className={`tech-verdict tone-${data.lastRestore.result === 'restored' ? 'off' : 'warn'}`}
              data-testid="tech-backups-last-restore"
            >
              {t(`techBackups.lastRestore.${data.lastRestore.result}`, {
                at: time(data.lastRestore.at),
                backup: data.lastRestore.backupName,
                kept: data.lastRestore.keptAs ?? '—',
                entries: data.lastRestore.carriedOver.entries,
                by: data.lastRestore.staffNo ?? '—',
              })}
            </p>
          )}
          <h3>{t('techBackups.list')}</h3>
          {data.backups.length === 0 ? (
            <p>{t('techBackups.empty')}</p>
          ) : (
            <BackupTable
              backups={data.backups}
              canRestore={canRestore}
              busy={dryRun.isPending}
              time={time}
              onRestore={(name) => {
                setChosen(name);
                dryRun.mutate(name);
              }}
            />
          )}
          {chosen !== null && dryRun.isPending && <p role="status">{t('techBackups.dryRunning')}</p>}
          {dryRun.isError && (
            <p className="error" role="alert">
              {describe(dryRun.error)}
            </p>
          )}
          {chosen !== null && dryRun.data?.name === chosen && (
            <RestorePanel
              preview={dryRun.data}
              time={time}
              describe={describe}
              onClose={() => {
                setChosen(null);
                dryRun.reset();
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function BackupTable(props: {
  backups: BackupEntry[];
  canRestore: boolean;
  busy: boolean;
  time: (iso: string | null) => string;
  onRestore: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tech-table-wrap" role="region" aria-label={t('techBackups.list')} tabIndex={0}>
      <table className="tech-table" data-testid="tech-backups-list">
        <thead>
          <tr>
            <th scope="col">{t('techBackups.columns.date')}</th>
            <th scope="col">{t('techBackups.columns.size')}</th>
            <th scope="col">{t('techBackups.columns.check')}</th>
            <th scope="col">{t('techBackups.columns.madeBy')}</th>
            {props.canRestore && <th scope="col">{t('techBackups.columns.action')}</th>}
          </tr>
        </thead>
        <tbody>
          {props.backups.map((b) => (
            <tr key={b.name} data-check={b.check?.result ?? 'none'}>
              <td>
                {props.time(b.createdAt)}
                <br />
                <code className="tech-backups-name">{b.name}</code>
              </td>
              <td>{formatSize(b.size, i18n.language)}</td>
              <td>
                <span className={`tech-backups-check tone-${checkTone(b)}`}>
                  {t(`techBackups.checks.${b.check?.result ?? 'none'}`)}
                </span>
              </td>
              <td>{t(b.madeHere ? 'techBackups.madeHere' : 'techBackups.madeElsewhere')}</td>
              {props.canRestore && (
                <td>
                  <button
                    type="button"
                    className="console-button"
                    disabled={props.busy}
                    aria-label={t('techBackups.restoreOf', { date: props.time(b.createdAt) })}
                    onClick={() => props.onRestore(b.name)}
                  >
                    {t('techBackups.restore')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const checkTone = (b: BackupEntry): Tone => (b.check === null ? 'warn' : b.check.result === 'ok' ? 'ok' : 'bad');
