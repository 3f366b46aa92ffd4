import { useTranslation } from 'react-i18next';
import type { EvaluationLevel } from '../../../../contracts/central-api';

/** The five national levels (国办发〔2019〕51号), best first, as the citizen sees them. */
export const LEVELS: readonly EvaluationLevel[] = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'];

/** Mouth curve per level: positive bends into a smile, negative into a frown. */
const MOUTH_BEND: Record<EvaluationLevel, number> = {
  very_satisfied: 14,
  satisfied: 8,
  basic: 0,
  dissatisfied: -8,
  very_dissatisfied: -14,
};

/**
 * A face drawn inline (no image files, no network): a circle, two eyes and a mouth. Also the
 * window evaluator's (renderer/rate): one face per level hall-wide.
 */
export function Face({ level }: { level: EvaluationLevel }) {
  const bend = MOUTH_BEND[level];
  const mouthY = bend >= 0 ? 62 : 70;
  return (
    <svg className="face-svg" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="44" className="face-disc" />
      {level === 'very_satisfied' ? (
        <>
          {/* Smiling eyes for the best level. */}
          <path d="M28 42 q8 -10 16 0" className="face-line" />
          <path d="M56 42 q8 -10 16 0" className="face-line" />
        </>
      ) : (
        <>
          <circle cx="36" cy="40" r="5.5" className="face-eye" />
          <circle cx="64" cy="40" r="5.5" className="face-eye" />
        </>
      )}
      {level === 'very_dissatisfied' && (
        <>
          {/* Brows drawn down: unmistakably unhappy even at a glance. */}
          <path d="M26 28 l16 6" className="face-line" />
          <path d="M74 28 l-16 6" className="face-line" />
        </>
      )}
      <path d={`M30 ${mouthY} Q50 ${mouthY + bend * 1.4} 70 ${mouthY}`} className="face-line" />
    </svg>
  );
}

/** Five big buttons, one per level, each a face and its written name; one may be chosen. */
export function Faces({
  value,
  onChange,
  disabled,
}: {
  value: EvaluationLevel | null;
  onChange: (level: EvaluationLevel) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="faces" role="group" aria-labelledby="evaluate-faces-title">
      <h3 id="evaluate-faces-title">{t('evaluate.howWasIt')}</h3>
      <div className="faces-row">
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className={`face face-${level}`}
            aria-pressed={value === level}
            disabled={disabled}
            data-level={level}
            onClick={() => onChange(level)}
          >
            <Face level={level} />
            <span className="face-label">{t(`evaluate.levels.${level}`)}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
