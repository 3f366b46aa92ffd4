import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_MEASURES, type AssessmentRules } from '../../../contracts/complaint-assessment';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from '../session';
import { checkRules, fieldsOf, fieldValue, numberOf, pointsSum, withDeduction, withItemField } from './rules-form';

const RULES_KEY = [...DISTRICT_KEYS.all, 'assessment-rules'] as const;

/**
 * 考核细则: the rules in force with their versions; a 营商局 supervisor edits the numbers and saves
 * a new version over the one shown (the platform refuses it when another was saved meanwhile).
 * Everyone else reads them: a unit sees what its score is made of.
 */
export function RulesEditor({ onSaved }: { onSaved: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const view = useQuery({ queryKey: RULES_KEY, queryFn: () => client.assessmentRules() });
  const [draft, setDraft] = useState<AssessmentRules | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    if (view.data) setDraft(view.data.current.rules);
  }, [view.data]);
  const save = useMutation({
    mutationFn: (rules: AssessmentRules) => client.putAssessmentRules({ baseVersion: view.data?.current.version ?? 1, rules }),
    onSuccess: (next) => {
      queryClient.setQueryData(RULES_KEY, next);
      setSaved(next.current.version);
      onSaved();
    },
  });

  if (view.error)
    return (
      <p className="error" role="alert">
        {session.describeError(view.error)}
      </p>
    );
  if (!view.data || draft === null) return null;
  const { current, versions, editable } = view.data;
  const check = checkRules(draft);
  const input = (label: string, value: number | null | undefined, change: (text: string) => void) => (
    <label className="dst-stat-field">
      <span>{label}</span>
      <input
        type="number"
        step="any"
        value={value === undefined || value === null || Number.isNaN(value) ? '' : value}
        disabled={!editable}
        onChange={(event) => change(event.target.value)}
      />
    </label>
  );

  return (
    <section className="dst-stat-rules" aria-labelledby="dst-stat-rules-title">
      <h3 id="dst-stat-rules-title">{t('dstStatistics.rules.title')}</h3>
      <p>
        {t('dstStatistics.rules.version', {
          version: current.version,
          by: current.createdBy,
          at: current.createdAt.slice(0, 10),
        })}
      </p>
      {!editable && <p>{t('dstStatistics.rules.readOnly')}</p>}
      <label className="dst-stat-field">
        <span>{t('dstStatistics.rules.name')}</span>
        <input value={draft.name} disabled={!editable} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
      </label>
      {draft.items.map((item, index) => (
        <fieldset key={item.measure} className="dst-stat-item">
          <legend>
            {item.label}（{ASSESSMENT_MEASURES[item.measure].name}）
          </legend>
          {fieldsOf(item).map((field) => (
            <span key={field}>
              {input(t(`dstStatistics.rules.${field}`), fieldValue(item, field), (text) =>
                setDraft(withItemField(draft, index, field, numberOf(text))),
              )}
            </span>
          ))}
        </fieldset>
      ))}
      {draft.deductions.map((deduction, index) => (
        <fieldset key={deduction.measure} className="dst-stat-item">
          <legend>
            {t('dstStatistics.rules.deduction')}：{deduction.label}
          </legend>
          {input(t('dstStatistics.rules.perItem'), deduction.perItem, (text) =>
            setDraft(withDeduction(draft, index, { perItem: numberOf(text) })),
          )}
          {input(t('dstStatistics.rules.cap'), deduction.cap, (text) =>
            setDraft(withDeduction(draft, index, { cap: text.trim() === '' ? null : numberOf(text) })),
          )}
        </fieldset>
      ))}
      <p data-testid="dst-stat-rules-sum">{t('dstStatistics.rules.sum', { sum: pointsSum(draft), total: draft.total })}</p>
      {!check.ok && (
        <ul className="error" data-testid="dst-stat-rules-problems">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {editable && (
        <button type="button" disabled={!check.ok || save.isPending} onClick={() => check.ok && save.mutate(check.rules)}>
          {t('dstStatistics.rules.save')}
        </button>
      )}
      {saved !== null && <p role="status">{t('dstStatistics.rules.saved', { version: saved })}</p>}
      {save.error && (
        <p className="error" role="alert">
          {save.error instanceof DistrictClientError && save.error.code === 'assessment_rules_changed'
            ? t('dstStatistics.rules.changed')
            : session.failed(save.error)}
        </p>
      )}
      <details>
        <summary>{t('dstStatistics.rules.history')}</summary>
        <ul>
          {versions.map((v) => (
            <li key={v.version}>
              {t('dstStatistics.rules.version', { version: v.version, by: v.createdBy, at: v.createdAt.slice(0, 10) })} ·{' '}
              {v.rules.name}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
