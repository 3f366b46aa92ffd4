import './CaseProgressPage.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { CaseDeadline } from '../../contracts/cases';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { formatDay, formatMoment, localReference } from '../kiosk/flows/case-form/format';
import { PhonePage } from '../ui/PhonePage';

const REFRESH_MS = 30_000;

/** What the host answers for a link it does not know (or, without a tag, a caller it does not admit). */
const NOT_FOUND = ['case_unknown', 'invalid_request', 'terminal_unpaired', 'terminal_expired', 'terminal_forbidden'];

/**
 * What a case receipt's QR opens on the citizen's phone: the case's status, its history, the
 * promised dates (overdue marked) and the steward's work contact once one is assigned. The link is
 * the case's random local id with its tag (`?k=`), so it works before the central API gave a
 * number, from any phone, with no pairing (contracts/links.ts); it shows no personal data. Without
 * a tag (the A4 receipt the Electron shell prints on this machine) it asks the desk API, which
 * only this machine and the hall's counter PCs may call.
 */
export function CaseProgressPage() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const key = search.get('k') ?? '';
  const byLink = key !== '';
  const link = useQuery({
    queryKey: ['case-link', caseId, key],
    queryFn: () => api.caseLink(caseId, key),
    enabled: caseId !== '' && byLink,
    refetchInterval: REFRESH_MS,
    retry: (count, error) => !(error instanceof ApiClientError && NOT_FOUND.includes(error.code)) && count < 2,
  });
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, enabled: !byLink });
  const desk = useQuery({
    queryKey: ['case-page', caseId],
    queryFn: () => api.localCaseProgress(caseId),
    enabled: caseId !== '' && !byLink,
    refetchInterval: REFRESH_MS,
    // A link that matches no case stays not found; retrying only delays the answer.
    retry: (count, error) => !(error instanceof ApiClientError && NOT_FOUND.includes(error.code)) && count < 2,
  });
  const progress = byLink ? link : desk;
  // The hall's zone comes from the host; the page waits for it as for the case (times are the hall's).
  const timeZone = byLink ? link.data?.hall.timeZone : health.data?.timeZone;
  const hallName = byLink ? link.data?.hall.hallName : health.data?.hallName;
  const data = byLink ? link.data?.progress : desk.data;
  const missing = caseId === '' || (progress.error instanceof ApiClientError && NOT_FOUND.includes(progress.error.code));

  return (
    <PhonePage className="case-page" hallName={hallName ?? t('hall.defaultName')} title={t('case.progressPage.title')}>
      {missing ? (
        <p className="case-page-problem" role="alert">
          {t('case.progressPage.notFound')}
        </p>
      ) : progress.isError && !data ? (
        <div className="case-page-problem" role="alert">
          <p>{t('case.progressPage.unreachable')}</p>
          <button type="button" className="secondary" onClick={() => void progress.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !data || timeZone === undefined ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <section className="phone-page-card case-page-card" aria-labelledby="case-page-item">
            <p className="case-page-label">{t('case.progressPage.item')}</p>
            <h2 id="case-page-item">{data.itemName}</h2>
            {data.caseNumber !== null ? (
              <p>
                <span className="case-page-label">{t('case.progressPage.caseNumber')}</span>{' '}
                <strong data-testid="page-case-number">{data.caseNumber}</strong>
              </p>
            ) : (
              <p>
                <span className="case-page-label">{t('case.progressPage.localRef')}</span>{' '}
                <strong>{localReference(caseId)}</strong>
                <br />
                <span className="case-page-note">{t('case.progressPage.pendingNumber')}</span>
              </p>
            )}
            <p className={`case-page-status case-page-status-${data.status}`} data-testid="page-status" aria-live="polite">
              {t(`case.status.${data.status}`)}
            </p>
          </section>

          {data.deadlines.length > 0 && (
            <section className="phone-page-card case-page-card" aria-labelledby="case-page-deadlines">
              <h2 id="case-page-deadlines">{t('case.progressPage.deadlines')}</h2>
              <ul className="case-page-deadlines">
                {data.deadlines.map((deadline) => (
                  <Deadline key={deadline.stage} deadline={deadline} timeZone={timeZone} />
                ))}
              </ul>
            </section>
          )}

          {data.steward && (
            <section className="phone-page-card case-page-card" aria-labelledby="case-page-steward">
              <h2 id="case-page-steward">{t('case.progressPage.steward')}</h2>
              {data.steward.name !== null ? (
                <dl className="case-page-facts">
                  <div>
                    <dt>{t('case.progressPage.stewardName')}</dt>
                    <dd data-testid="page-steward-name">{data.steward.name}</dd>
                  </div>
                  {data.steward.phone !== null && (
                    <div>
                      <dt>{t('case.progressPage.stewardPhone')}</dt>
                      <dd>
                        <a href={`tel:${data.steward.phone}`}>{data.steward.phone}</a>
                      </dd>
                    </div>
                  )}
                  {data.steward.windowNumber !== null && (
                    <div>
                      <dt>{t('case.progressPage.stewardWindow')}</dt>
                      <dd>{t('case.progressPage.windowNumber', { window: data.steward.windowNumber })}</dd>
                    </div>
                  )}
                </dl>
              ) : (
                <p>
                  {data.steward.ticketNumber !== null
                    ? t('case.progressPage.stewardWaiting', { number: data.steward.ticketNumber })
                    : t('case.progressPage.stewardPending')}
                </p>
              )}
            </section>
          )}

          <section className="phone-page-card case-page-card" aria-labelledby="case-page-history">
            <h2 id="case-page-history">{t('case.progressPage.history')}</h2>
            <ol className="case-page-history">
              {[...data.statusHistory].reverse().map((entry, index) => (
                <li key={`${entry.status}-${entry.at}-${index}`} className={index === 0 ? 'case-page-latest' : undefined}>
                  <strong>{t(`case.status.${entry.status}`)}</strong>
                  <time dateTime={entry.at}>{formatMoment(entry.at, i18n.language, timeZone)}</time>
                  {entry.note && <p>{entry.note}</p>}
                </li>
              ))}
            </ol>
          </section>
          <p className="case-page-note">
            {t('case.progressPage.updated', { time: formatMoment(data.updatedAt, i18n.language, timeZone) })}
          </p>
        </>
      )}
    </PhonePage>
  );
}

function Deadline({ deadline, timeZone }: { deadline: CaseDeadline; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const state = deadline.overdue ? 'overdue' : deadline.metAt !== null ? 'met' : 'open';
  return (
    <li className={`case-page-deadline case-page-deadline-${state}`} data-testid={`deadline-${deadline.stage}`}>
      <span className="case-page-deadline-stage">{t(`case.deadline.${deadline.stage}`)}</span>
      <span>{t('case.done.due', { date: formatDay(deadline.due, i18n.language) })}</span>
      {deadline.metAt !== null && (
        <span>{t('case.progressPage.met', { time: formatMoment(deadline.metAt, i18n.language, timeZone) })}</span>
      )}
      {deadline.overdue && <strong className="case-page-overdue">{t('case.progressPage.overdue')}</strong>}
    </li>
  );
}
