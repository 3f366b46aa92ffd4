import { useTranslation } from 'react-i18next';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import type { ComplaintPage } from '../../../contracts/platform-complaints';
import { useDistrictSession } from '../session';
import type { DeskAction } from './available-actions';
import { refusalOf } from './refusal';
import { useComplaintAction } from './use-complaint-action';
import type { ComplaintDesk } from './use-complaint-desk';

/**
 * The sorter's aids: complaints this one may repeat (merged into one with a click, for a sorter)
 * and the dispatch rules' suggestions (dispatched as suggested with a click).
 */
export function ComplaintAids({
  page,
  desk,
  actions,
  onDone,
}: {
  page: ComplaintPage;
  desk: ComplaintDesk;
  actions: readonly DeskAction[];
  onDone: (action: ComplaintAction) => void;
}) {
  const { t } = useTranslation();
  const session = useDistrictSession();
  const mutation = useComplaintAction(page.complaint.number, onDone);
  const refusal = mutation.error ? refusalOf(mutation.error) : null;
  const mayMerge = actions.includes('merge');
  const mayDispatch = actions.includes('dispatch');
  return (
    <>
      {page.duplicates.length > 0 && (
        <>
          <h4>{t('dstComplaints.detail.duplicates')}</h4>
          <ul className="dst-aids" data-testid="dst-complaint-duplicates">
            {page.duplicates.map((d) => (
              <li key={d.number}>
                <span className="console-badge tone-warn">
                  {t('dstComplaints.detail.duplicate', {
                    number: d.number,
                    similarity: Math.round(d.similarity * 100),
                    hours: Math.round(d.hoursApart),
                    sameTopic: d.sameTopic ? t('dstComplaints.detail.sameTopic') : '',
                  })}
                </span>{' '}
                {mayMerge && (
                  <button
                    type="button"
                    className="console-button dst-small"
                    disabled={mutation.isPending}
                    onClick={() => mutation.mutate({ type: 'merge', into: d.number })}
                  >
                    {t('dstComplaints.actions.merge')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {page.suggestions.length > 0 && (
        <>
          <h4>{t('dstComplaints.detail.suggestions')}</h4>
          <ul className="dst-aids" data-testid="dst-complaint-suggestions">
            {page.suggestions.map((s, index) => (
              <li key={`${s.ruleId ?? 'area'}-${index}`}>
                {t('dstComplaints.detail.suggestion', { lead: desk.unitName(s.leadUnit) })}
                {s.coUnits.length > 0 && t('dstComplaints.detail.suggestionCo', { co: s.coUnits.map(desk.unitName).join('、') })}
                {s.matchedKeywords.length > 0 && <span className="console-muted"> （{s.matchedKeywords.join('、')}）</span>}{' '}
                {mayDispatch && (
                  <button
                    type="button"
                    className="console-button dst-small"
                    disabled={mutation.isPending}
                    onClick={() => mutation.mutate({ type: 'dispatch', leadUnit: s.leadUnit, coUnits: s.coUnits, note: null })}
                  >
                    {t('dstComplaints.detail.useSuggestion')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {refusal && (
        <p className="error" role="alert">
          {refusal.key === null
            ? session.describeError(refusal.error)
            : t(`dstComplaints.refusals.${refusal.key}`, refusal.values)}
        </p>
      )}
    </>
  );
}
