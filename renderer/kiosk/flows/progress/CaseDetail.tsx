import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDeadline, CaseSteward } from '../../../../contracts/cases';
import { useKioskSession } from '../../shell/session';
import { formatDate, formatDateTime, isClosed, isLate, type CaseView } from './format';

/**
 * One case's progress: where it stands, how it got there (a timeline of its status history),
 * the promises the hall made (受理时限, 承诺办结) and, when one was assigned, the steward.
 * No personal data: the masked applicant fields of a LocalCase are never shown here.
 */
export function CaseDetail({ view, backLabel, onBack }: { view: CaseView; backLabel: string; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const timeZone = session.health?.timeZone;
  const { say } = session.voice;
  const statusLabel = t(`progress.status.${view.status}`);

  const { setFinished } = session;
  useEffect(() => {
    // The result screen: a card taken away now does not wipe it before it was read.
    setFinished(true);
  }, [setFinished]);
  const spoken = useRef<CaseView | null>(null);
  useEffect(() => {
    if (spoken.current === view) return;
    spoken.current = view;
    // Only the status is spoken: the item and the number stay on the screen.
    say({ key: 'progressStatus', status: view.status });
  }, [view, say]);

  const late = view.deadlines.some(isLate);
  return (
    <article className="progress-detail" aria-labelledby="progress-detail-title" data-testid="case-detail">
      <header className="progress-detail-head">
        <p className="progress-detail-item">{t('progress.item')}</p>
        <h3 id="progress-detail-title">{view.itemName}</h3>
        <p className="progress-detail-number">
          {t('progress.caseNumber')}：
          <span className="case-number" data-testid="case-number">
            {view.caseNumber ?? t('progress.numberPending')}
          </span>
        </p>
        <p className="progress-current" role="status" aria-live="polite">
          <span>{t('progress.currentStatus')}</span>
          <strong className={`status-badge status-${view.status}`} data-testid="case-status">
            {statusLabel}
          </strong>
        </p>
        {view.status === 'needs_materials' && <p className="progress-advice">{t('progress.needsMaterialsAdvice')}</p>}
        {view.status === 'rejected' && <p className="progress-advice">{t('progress.rejectedAdvice')}</p>}
        {late && (
          <p className="progress-late" role="alert">
            {t('progress.lateAdvice')}
          </p>
        )}
      </header>

      <div className="progress-detail-body">
        <section className="progress-timeline" aria-labelledby="progress-timeline-title">
          <h4 id="progress-timeline-title">{t('progress.timeline')}</h4>
          <ol data-testid="case-timeline">
            {view.statusHistory.map((entry, index) => {
              const current = index === view.statusHistory.length - 1;
              return (
                <li
                  key={`${entry.status}-${entry.at}`}
                  className={`timeline-step status-${entry.status}${current ? ' current' : ''}`}
                  aria-current={current ? 'step' : undefined}
                >
                  <span className="timeline-dot" aria-hidden="true" />
                  <div className="timeline-text">
                    <span className="timeline-status">{t(`progress.status.${entry.status}`)}</span>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, timeZone, i18n.language)}</time>
                    {entry.note && <p className="timeline-note">{t('progress.note', { note: entry.note })}</p>}
                  </div>
                </li>
              );
            })}
          </ol>
          <p className="progress-updated">
            {t('progress.updatedAt', { time: formatDateTime(view.updatedAt, timeZone, i18n.language) })}
          </p>
        </section>

        <div className="progress-side">
          {view.deadlines.length > 0 && (
            <section className="progress-deadlines" aria-labelledby="progress-deadlines-title">
              <h4 id="progress-deadlines-title">{t('progress.deadlines')}</h4>
              <ul>
                {view.deadlines.map((d) => (
                  <Deadline
                    key={d.stage}
                    deadline={d}
                    paused={view.status === 'needs_materials'}
                    closed={isClosed(view.status)}
                  />
                ))}
              </ul>
            </section>
          )}
          {view.steward && <Steward steward={view.steward} />}
        </div>
      </div>

      <div className="progress-actions">
        <button type="button" className="secondary big" onClick={onBack}>
          {backLabel}
        </button>
        <button type="button" className="primary big" onClick={() => void session.endSession()}>
          {t('kiosk.finish')}
        </button>
      </div>
    </article>
  );
}

/** A promise with its date and whether it was kept: a tick when met, a clear mark when late. */
function Deadline({ deadline, paused, closed }: { deadline: CaseDeadline; paused: boolean; closed: boolean }) {
  const { t, i18n } = useTranslation();
  const state = deadline.metAt !== null ? (deadline.overdue ? 'met-late' : 'met') : deadline.overdue ? 'late' : 'open';
  const stateText = {
    met: t('progress.deadlineMet'),
    'met-late': t('progress.deadlineMetLate'),
    late: t('progress.deadlineOverdue'),
    open: closed ? t('progress.deadlineClosed') : t('progress.deadlineOpen'),
  }[state];
  return (
    <li className={`deadline deadline-${state}`} data-testid={`deadline-${deadline.stage}`}>
      <span className="deadline-mark" aria-hidden="true">
        {state === 'met' ? '✓' : state === 'open' ? '' : '!'}
      </span>
      <div className="deadline-text">
        <span className="deadline-stage">{t(`progress.deadlineStage.${deadline.stage}`)}</span>
        <span className="deadline-due">{t('progress.due', { date: formatDate(deadline.due, i18n.language) })}</span>
        <span className="deadline-state">{stateText}</span>
        {paused && deadline.stage === 'completed' && deadline.metAt === null && (
          <span className="deadline-paused">{t('progress.pausedForMaterials')}</span>
        )}
      </div>
    </li>
  );
}

/** 首席服务管家: who they are and how to reach them, or where the request stands. */
function Steward({ steward }: { steward: CaseSteward }) {
  const { t } = useTranslation();
  return (
    <section className="progress-steward" aria-labelledby="progress-steward-title" data-testid="case-steward">
      <h4 id="progress-steward-title">{t('progress.steward')}</h4>
      {steward.name !== null ? (
        <dl>
          <dt>{t('progress.stewardName')}</dt>
          <dd>{steward.name}</dd>
          {steward.phone !== null && (
            <>
              <dt>{t('progress.stewardPhone')}</dt>
              <dd className="steward-phone">{steward.phone}</dd>
            </>
          )}
          {steward.windowNumber !== null && (
            <>
              <dt>{t('progress.stewardWindowLabel')}</dt>
              <dd>{t('progress.stewardWindow', { window: steward.windowNumber })}</dd>
            </>
          )}
        </dl>
      ) : steward.ticketNumber !== null ? (
        <p>{t('progress.stewardWaiting', { number: steward.ticketNumber })}</p>
      ) : (
        <p>{t('progress.stewardPending')}</p>
      )}
    </section>
  );
}
