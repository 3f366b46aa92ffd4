import { useTranslation } from 'react-i18next';

/**
 * Where the citizen is in the submission (1 选择事项 → … → 5 完成). Steps are not buttons:
 * going back is the screen's own "上一步", so nobody jumps past a check by accident.
 */
export function StepIndicator({ labels, current }: { labels: readonly string[]; current: number }) {
  const { t } = useTranslation();
  return (
    <nav className="case-steps" aria-label={t('case.steps.label')}>
      <p className="visually-hidden">{t('case.steps.position', { current: current + 1, total: labels.length })}</p>
      <ol>
        {labels.map((label, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={label} className={`case-step case-step-${state}`} aria-current={index === current ? 'step' : undefined}>
              <span className="case-step-number" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="case-step-label">{label}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
