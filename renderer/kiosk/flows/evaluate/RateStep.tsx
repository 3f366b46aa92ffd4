import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBadEvaluation, type EvaluationLevel } from '../../../../contracts/central-api';
import type { SubmitEvaluationRequest, SubmitEvaluationResponse } from '../../../../contracts/cases';
import { useApi } from '../../../api/context';
import { KioskField } from '../../../ui/keyboard/KioskField';
import { useKeyboard } from '../../../ui/keyboard/keyboard-context';
import { Faces } from './Faces';
import { problemOf, type EvaluateProblem, type Subject } from './types';

/** The common reasons for a poor rating, offered as chips (the host needs at least one reason). */
export const REASONS = ['slow', 'attitude', 'unclearMaterials', 'manyTrips', 'other'] as const;
type Reason = (typeof REASONS)[number];

/**
 * 好差评: the five faces; below 基本满意 the citizen also says why (chips, and words if they
 * like), because a poor rating is verified and answered by the hall.
 */
export function RateStep({
  subject,
  onRated,
  onChangeSubject,
}: {
  subject: Subject;
  onRated: (result: SubmitEvaluationResponse) => void;
  onChangeSubject: () => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const keyboard = useKeyboard();
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const [reasons, setReasons] = useState<readonly Reason[]>([]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<EvaluateProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = level !== null && isBadEvaluation(level);

  const toggle = (reason: Reason) => {
    setProblem(null);
    setReasons((now) => (now.includes(reason) ? now.filter((r) => r !== reason) : [...now, reason]));
  };

  const submit = async () => {
    if (level === null) return;
    setProblem(null);
    if (bad && reasons.length === 0) {
      // The same rule the host enforces (reason_required), said before the round trip.
      setProblem('reason_required');
      return;
    }
    // Reasons go to the hall's staff in Chinese whatever language the screen is in.
    const zh = i18n.getFixedT('zh-CN');
    const reasonText = bad ? reasons.map((r) => zh(`evaluate.reasons.${r}`)).join('、') : undefined;
    const words = bad ? comment.trim() : '';
    const request: SubmitEvaluationRequest = {
      level,
      ...(reasonText ? { reason: reasonText } : {}),
      ...(words ? { comment: words } : {}),
      ...(subject.kind === 'ticket'
        ? { ticketId: subject.ticketId, ticketKey: subject.ticketKey }
        : { caseNumber: subject.caseNumber }),
    };
    setBusy(true);
    try {
      const result = await api.submitEvaluation(request);
      keyboard.close();
      onRated(result);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="evaluate-rate">
      <section className="evaluate-what" aria-labelledby="evaluate-what-title">
        <h3 id="evaluate-what-title">{t('evaluate.rating')}</h3>
        <p className="evaluate-what-text" data-testid="evaluate-subject">
          {subject.kind === 'ticket'
            ? t('evaluate.subjectTicket', {
                number: subject.ticketNumber,
                window: subject.windowNumber,
                service: subject.serviceName,
              })
            : t('evaluate.subjectCase', { number: subject.caseNumber, item: subject.itemName })}
        </p>
        <button type="button" className="secondary" onClick={onChangeSubject}>
          {t('evaluate.changeSubject')}
        </button>
      </section>

      <Faces
        value={level}
        disabled={busy}
        onChange={(next) => {
          setProblem(null);
          setLevel(next);
        }}
      />

      {bad && (
        <section className="evaluate-reasons" aria-labelledby="evaluate-reasons-title">
          <h3 id="evaluate-reasons-title">{t('evaluate.whyTitle')}</h3>
          <p className="evaluate-reasons-hint">{t('evaluate.whyHint')}</p>
          <div className="reason-chips" role="group" aria-labelledby="evaluate-reasons-title">
            {REASONS.map((r) => (
              <button key={r} type="button" className="reason-chip" aria-pressed={reasons.includes(r)} onClick={() => toggle(r)}>
                <span className="chip-check" aria-hidden="true" />
                {t(`evaluate.reasons.${r}`)}
              </button>
            ))}
          </div>
          <KioskField
            label={t('evaluate.comment')}
            name="comment"
            layout="pinyin"
            maxLength={300}
            value={comment}
            onChange={setComment}
            hint={t('evaluate.commentHint')}
          />
        </section>
      )}

      {problem && (
        <p className="error" role="alert" data-testid="evaluate-error">
          {t(`evaluate.errors.${problem}`)}
        </p>
      )}
      {level !== null && (
        <button type="button" className="primary big evaluate-submit" disabled={busy} onClick={() => void submit()}>
          {busy ? t('evaluate.submitting') : t('evaluate.submit')}
        </button>
      )}
    </div>
  );
}
