import { useTranslation } from 'react-i18next';
import type { PriorityClass } from '../../contracts/queue';

/** 长者 / 预约 / 绿色通道 / 残疾人: a word, not only a colour, so it reads in any light and to a screen reader. */
export function PriorityBadge({ priority }: { priority: PriorityClass }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return (
    <span className={`cd-badge cd-badge-${priority}`} data-testid="priority-badge">
      {t(`counterUi.priority.${priority}`)}
    </span>
  );
}
