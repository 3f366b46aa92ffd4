import './hours.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HoursExtension, HoursToday, ServiceHoursToday } from '../../../contracts/hours';
import type { Window } from '../../../contracts/queue';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { formatDate, formatTime, MANAGER_KEYS, useManagerSession } from '../session';

const KEYS = {
  all: [...MANAGER_KEYS.all, 'hours'] as const,
  today: [...MANAGER_KEYS.all, 'hours', 'today'] as const,
  windows: [...MANAGER_KEYS.all, 'hours', 'windows'] as const,
};

/** Opening changes with the clock as well as with extensions: the table is read again each minute. */
const REFRESH_MS = 60_000;

/**
 * 今日开放 / 延时服务: today's effective hours of every service (a public holiday closes the hall,
 * a 调休 weekend day opens with weekday hours, an extension carries the day on) and the day's
 * extensions, which a supervisor adds and cancels here (host/queue/hour-extensions.ts decides;
 * technicians look).
 */
export default function HoursScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = useQuery({ queryKey: KEYS.today, queryFn: api.hoursToday, refetchInterval: REFRESH_MS });
  const windows = useQuery({ queryKey: KEYS.windows, queryFn: api.windows });
  useHallEvents(
    (event) => {
      if (event.type === 'hours.changed' || (event.type === 'settings.changed' && event.scope === 'hall'))
        void refreshAfterEvent(queryClient, KEYS.all);
    },
    () => void refreshAfterEvent(queryClient, KEYS.all),
  );
  const session = useManagerSession();

  return (
    <div className="mgr-hours" data-testid="mgr-hours">
      <h2>{t('mgrHours.title')}</h2>
      {today.isError && !today.data ? (
        <p className="console-refused" role="alert">
          {session.describeError(today.error)}
        </p>
      ) : !today.data ? (
        <p className="console-muted">{t('manager.loading')}</p>
      ) : (
        <>
          <DayBanner today={today.data} />
          <ServicesTable services={today.data.services} />
          {session.canChange && (
            <ExtendForm
              services={today.data.services}
              windows={windows.data?.windows ?? []}
              holiday={today.data.dayKind === 'holiday'}
            />
          )}
          <ExtensionsTable extensions={today.data.extensions} />
        </>
      )}
    </div>
  );
}

/** What kind of day today is: a holiday closes the hall, a 调休 day opens with a weekday's hours. */
function DayBanner({ today }: { today: HoursToday }) {
  const { t, i18n } = useTranslation();
  // The business day is already the hall's date: read at noon UTC, it is that date in any zone's words.
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'UTC',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${today.businessDay}T12:00:00Z`));
  return (
    <p className={`mgr-hours-day mgr-hours-day-${today.dayKind}`} data-testid="mgr-hours-day" role="status">
      <strong>{date}</strong>{' '}
      {today.dayKind === 'makeup'
        ? t('mgrHours.day.makeup', { weekday: t(`mgrHours.weekdays.${today.makeupHours ?? 'mon'}`) })
        : t(`mgrHours.day.${today.dayKind}`)}
    </p>
  );
}

function ServicesTable({ services }: { services: readonly ServiceHoursToday[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="mgr-hours-open">
      <h3 id="mgr-hours-open">{t('mgrHours.open.title')}</h3>
      <table className="mgr-hours-table">
        <thead>
          <tr>
            <th scope="col">{t('mgrHours.open.service')}</th>
            <th scope="col">{t('mgrHours.open.periods')}</th>
            <th scope="col">{t('mgrHours.open.extension')}</th>
            <th scope="col">{t('mgrHours.open.now')}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.serviceCode} data-testid="mgr-hours-service" data-service={s.serviceCode}>
              <th scope="row">{i18n.language === 'en' ? s.serviceNameEn : s.serviceName}</th>
              <td>
                {s.periods.length === 0 ? (
                  <span className="console-muted">{t('mgrHours.open.closedToday')}</span>
                ) : (
                  <ul className="mgr-hours-periods">
                    {s.periods.map((p) => (
                      <li key={`${p.from}-${p.to}`} className={p.extended ? 'extended' : p.duty ? 'duty' : undefined}>
                        {p.from}–{p.to}
                        {p.duty && t('mgrHours.open.duty')}
                        {p.extended && t('mgrHours.open.extended')}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {s.extension === null
                  ? '—'
                  : s.extension.by === 'service'
                    ? t('mgrHours.open.byService', { until: s.extension.until })
                    : t('mgrHours.open.byWindow', {
                        until: s.extension.until,
                        windows: s.extension.windowNumbers.join(t('mgrHours.separator')),
                      })}
              </td>
              <td>
                <OpenState service={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OpenState({ service }: { service: ServiceHoursToday }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useManagerSession();
  if (service.open) return <span className="mgr-hours-state open">{t('mgrHours.state.open')}</span>;
  const reason = t(`mgrHours.state.${service.closedReason ?? 'hours'}`);
  const next =
    service.nextOpening === null
      ? ''
      : ` · ${t('mgrHours.state.next', {
          date: formatDate(service.nextOpening, timeZone, i18n.language),
          time: formatTime(service.nextOpening, timeZone, i18n.language),
        })}`;
  return (
    <span className={`mgr-hours-state closed ${service.closedReason ?? ''}`}>
      {reason}
      {next}
    </span>
  );
}

/** Why the host refused an extension, in the supervisor's words. */
function refusalKey(error: unknown): string | null {
  if (!(error instanceof ApiClientError)) return null;
  const reason =
    typeof error.details === 'object' && error.details !== null && 'reason' in error.details ? error.details.reason : undefined;
  if (error.code === 'invalid_request') return 'mgrHours.errors.until';
  if (error.code === 'invalid_state' && reason === 'closed_today') return 'mgrHours.errors.closedToday';
  if (error.code === 'invalid_state' && reason === 'not_later') return 'mgrHours.errors.notLater';
  return null;
}

function ExtendForm({
  services,
  windows,
  holiday,
}: {
  services: readonly ServiceHoursToday[];
  windows: readonly Window[];
  holiday: boolean;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('');
  const [until, setUntil] = useState('18:30');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const extend = useMutation({
    mutationFn: () => {
      const [kind, value = ''] = target.split(':');
      return api.extendHours({
        ...(kind === 'window' ? { windowId: Number(value) } : { serviceCode: value }),
        until,
        reason,
      });
    },
    onSuccess: async (made) => {
      setMessage({ ok: true, text: t('mgrHours.form.done', { target: targetLabel(made, t), until: made.until }) });
      setReason('');
      await refreshAfterEvent(queryClient, KEYS.all);
    },
    onError: (error) => {
      const key = refusalKey(error);
      setMessage({ ok: false, text: key === null ? session.failed(error) : t(key) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target === '') {
      setMessage({ ok: false, text: t('mgrHours.form.pickTarget') });
      return;
    }
    extend.mutate();
  };
  return (
    <section aria-labelledby="mgr-hours-extend">
      <h3 id="mgr-hours-extend">{t('mgrHours.form.title')}</h3>
      <p className="console-muted">{holiday ? t('mgrHours.form.holiday') : t('mgrHours.form.intro')}</p>
      <form className="mgr-hours-form" onSubmit={submit} data-testid="mgr-hours-form">
        <label>
          {t('mgrHours.form.target')}
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid="mgr-hours-target">
            <option value="">{t('mgrHours.form.choose')}</option>
            <optgroup label={t('mgrHours.form.services')}>
              {services.map((s) => (
                <option key={s.serviceCode} value={`service:${s.serviceCode}`}>
                  {i18n.language === 'en' ? s.serviceNameEn : s.serviceName}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('mgrHours.form.windows')}>
              {windows.map((w) => (
                <option key={w.id} value={`window:${w.id}`}>
                  {t('mgrHours.form.window', { number: w.number, name: w.name })}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('mgrHours.form.until')}
          {/* HH:MM as the hall writes it (a time picker shows 12-hour clocks on some browsers). */}
          <input
            type="text"
            inputMode="numeric"
            pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
            maxLength={5}
            placeholder="18:30"
            value={until}
            required
            onChange={(e) => setUntil(e.target.value.trim())}
            data-testid="mgr-hours-until"
          />
        </label>
        <label className="wide">
          {t('mgrHours.form.reason')}
          <input type="text" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="console-button" disabled={extend.isPending}>
          {extend.isPending ? t('mgrHours.form.busy') : t('mgrHours.form.submit')}
        </button>
      </form>
      <p className="mgr-hours-hint console-muted">{t('mgrHours.form.windowRule')}</p>
      {message && (
        <p
          className={message.ok ? 'console-notice' : 'console-refused'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="mgr-hours-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

function targetLabel(e: HoursExtension, t: TFunction): string {
  return e.windowNumber !== null
    ? t('mgrHours.list.windowTarget', { number: e.windowNumber })
    : (e.serviceName ?? e.serviceCode ?? '');
}

function ExtensionsTable({ extensions }: { extensions: readonly HoursExtension[] }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: (id: number) => api.cancelHoursExtension(id),
    onSuccess: async () => {
      setProblem(null);
      await refreshAfterEvent(queryClient, KEYS.all);
    },
    onError: (error) => setProblem(session.failed(error)),
  });
  return (
    <section aria-labelledby="mgr-hours-list">
      <h3 id="mgr-hours-list">{t('mgrHours.list.title')}</h3>
      {extensions.length === 0 ? (
        <p className="console-muted" data-testid="mgr-hours-none">
          {t('mgrHours.list.none')}
        </p>
      ) : (
        <table className="mgr-hours-table" data-testid="mgr-hours-extensions">
          <thead>
            <tr>
              <th scope="col">{t('mgrHours.list.target')}</th>
              <th scope="col">{t('mgrHours.list.until')}</th>
              <th scope="col">{t('mgrHours.list.reason')}</th>
              <th scope="col">{t('mgrHours.list.by')}</th>
              <th scope="col">{t('mgrHours.list.state')}</th>
              {session.canChange && (
                <th scope="col">
                  <span className="visually-hidden">{t('mgrHours.list.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {extensions.map((e) => (
              <tr key={e.id} data-testid="mgr-hours-extension" className={e.cancelledAt === null ? undefined : 'cancelled'}>
                <th scope="row">{targetLabel(e, t)}</th>
                <td>{e.until}</td>
                <td>{e.reason === '' ? '—' : e.reason}</td>
                <td>
                  {t('mgrHours.list.made', {
                    staffNo: e.createdByStaffNo ?? '—',
                    time: formatTime(e.createdAt, session.timeZone, i18n.language),
                  })}
                </td>
                <td>
                  {e.cancelledAt === null
                    ? t('mgrHours.list.active')
                    : t('mgrHours.list.cancelled', {
                        staffNo: e.cancelledByStaffNo ?? '—',
                        time: formatTime(e.cancelledAt, session.timeZone, i18n.language),
                      })}
                </td>
                {session.canChange && (
                  <td>
                    {e.cancelledAt === null && (
                      <button
                        type="button"
                        className="console-button danger"
                        disabled={cancel.isPending}
                        onClick={() => cancel.mutate(e.id)}
                        aria-label={t('mgrHours.list.cancelLabel', { target: targetLabel(e, t), until: e.until })}
                      >
                        {t('mgrHours.list.cancel')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problem && (
        <p className="console-refused" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
