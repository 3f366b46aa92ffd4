import { useTranslation } from 'react-i18next';
import type { ComplaintStep } from '../../../contracts/complaints';
import { formatDateTime } from '../session';
import type { ComplaintDesk } from './use-complaint-desk';

function actorName(step: ComplaintStep, words: { system: string; enterprise: string }): string {
  if (step.actor.kind === 'staff') return step.actor.name;
  return step.actor.kind === 'system' ? words.system : words.enterprise;
}

/**
 * Every step, oldest first: who, when, the units it concerns and the staff's note; a public step
 * is marked, with the words the enterprise reads on the kiosk's progress page.
 */
export function ComplaintHistory({ history, desk }: { history: readonly ComplaintStep[]; desk: ComplaintDesk }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h4>{t('dstComplaints.detail.history')}</h4>
      <ol className="dst-history" data-testid="dst-complaint-history">
        {history.map((step, index) => (
          <li key={`${step.at}-${index}`} data-visibility={step.visibility}>
            <strong>{t(`dstComplaints.steps.${step.action}`)}</strong>{' '}
            <time dateTime={step.at}>{formatDateTime(step.at, i18n.language)}</time>{' '}
            {actorName(step, { system: t('dstComplaints.detail.system'), enterprise: t('dstComplaints.detail.enterprise') })}
            {step.units.length > 0 && ` · ${step.units.map(desk.unitName).join('、')}`}{' '}
            <span className={`console-badge ${step.visibility === 'public' ? 'tone-info' : ''}`}>
              {t(`dstComplaints.detail.${step.visibility}`)}
            </span>
            {step.note && <span className="dst-note">{step.note}</span>}
            {step.visibility === 'public' && step.publicNote && (
              <span className="dst-note dst-public-note">{t('dstComplaints.publicStage', { stage: step.publicNote })}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
