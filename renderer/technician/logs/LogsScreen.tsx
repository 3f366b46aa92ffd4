import './logs.css';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LogLevel } from '../../../contracts/logs';
import { useApi } from '../../api/context';
import { formatTime, TECH_KEYS, useTechSession } from '../session';
import { DiagnosticsDownload } from './DiagnosticsDownload';
import { contextText, filterEntries } from './log-filter';

/** Levels offered in the filter (the host keeps info and above unless it logs at debug). */
const LEVEL_CHOICES = ['all', 'debug', 'info', 'warn', 'error'] as const;
type LevelChoice = (typeof LEVEL_CHOICES)[number];

/** Lines read per poll: what fits on a few screens; the host keeps up to 2,000. */
const LIMIT = 500;

/**
 * "日志与诊断": the host's recent log lines (masked by the host before it kept them), live,
 * filterable by level and text, times on the hall's clock; and the diagnostics bundle.
 */
export function LogsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const [level, setLevel] = useState<LevelChoice>('all');
  const [text, setText] = useState('');
  const [live, setLive] = useState(true);
  const ids = { level: useId(), filter: useId(), hint: useId() };

  const parsedLevel = LogLevel.safeParse(level);
  const logs = useQuery({
    queryKey: [...TECH_KEYS.all, 'logs', level],
    queryFn: () => api.logs({ ...(parsedLevel.success ? { level: parsedLevel.data } : {}), limit: LIMIT }),
    refetchInterval: live ? 2_000 : false,
  });
  const entries = useMemo(() => filterEntries(logs.data?.entries ?? [], text), [logs.data, text]);

  return (
    <section className="tech-screen tech-logs" aria-labelledby="tech-logs-title">
      <div className="tech-screen-head">
        <h2 id="tech-logs-title">{t('techLogs.title')}</h2>
        <button type="button" className="console-button" aria-pressed={!live} onClick={() => setLive((on) => !on)}>
          {live ? t('techLogs.pause') : t('techLogs.resume')}
        </button>
      </div>
      <p className="console-muted">{t('techLogs.intro')}</p>
      <DiagnosticsDownload />

      <div className="tech-logs-filters">
        <div className="tech-field">
          <label htmlFor={ids.level}>{t('techLogs.level')}</label>
          <select
            id={ids.level}
            data-testid="tech-logs-level"
            value={level}
            onChange={(e) => setLevel(LEVEL_CHOICES.find((c) => c === e.target.value) ?? 'all')}
          >
            {LEVEL_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {t(`techLogs.levels.${choice}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="tech-field tech-logs-text">
          <label htmlFor={ids.filter}>{t('techLogs.filter')}</label>
          <input
            id={ids.filter}
            type="search"
            data-testid="tech-logs-filter"
            value={text}
            aria-describedby={ids.hint}
            onChange={(e) => setText(e.target.value)}
          />
          <p id={ids.hint} className="tech-hint">
            {t('techLogs.filterHint')}
          </p>
        </div>
      </div>

      {logs.isError && (
        <p className="error" role="alert">
          {session.describeError(logs.error)}
        </p>
      )}
      {logs.isPending && <p>{t('tech.loading')}</p>}
      {logs.data && (
        <>
          <p className="console-muted" data-testid="tech-logs-count">
            {live ? '' : `${t('techLogs.paused')} `}
            {t('techLogs.count', { shown: entries.length, total: logs.data.entries.length })}
            {logs.data.dropped > 0 ? ` ${t('techLogs.dropped', { count: logs.data.dropped })}` : ''}
          </p>
          {entries.length === 0 ? (
            <p>{t('techLogs.empty')}</p>
          ) : (
            <div className="tech-table-wrap" role="region" aria-label={t('techLogs.listLabel')} tabIndex={0}>
              <table className="tech-table tech-logs-table" data-testid="tech-logs-list">
                <thead>
                  <tr>
                    <th scope="col">{t('techLogs.columns.time')}</th>
                    <th scope="col">{t('techLogs.columns.level')}</th>
                    <th scope="col">{t('techLogs.columns.message')}</th>
                    <th scope="col">{t('techLogs.columns.context')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.seq} data-level={entry.level} data-testid="tech-log-line">
                      <td className="tech-logs-time">{formatTime(entry.time, session.timeZone, i18n.language)}</td>
                      <td>
                        <span className={`tech-log-level level-${entry.level}`}>{t(`techLogs.levels.${entry.level}`)}</span>
                      </td>
                      <td className="tech-logs-msg">{entry.msg}</td>
                      <td>{Object.keys(entry.context).length > 0 && <code>{contextText(entry)}</code>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
