import { useTranslation } from 'react-i18next';
import { formatScore, scoreTone } from './dashboard-view';

/** A score with its tone (good, to watch, poor), or 缺失 when nothing below it has a value. */
export function ScoreBadge({ score, testId }: { score: number | null; testId?: string }) {
  const { t } = useTranslation();
  const tone = scoreTone(score);
  return (
    <span className={`console-badge dst-ind-badge tone-${tone === 'none' ? 'info' : tone}`} data-testid={testId} data-tone={tone}>
      {score === null ? t('dstIndicators.missing') : formatScore(score)}
    </span>
  );
}
