import { useTranslation } from 'react-i18next';
import { deadlineStanding, standingTone } from './deadline-standing';

/** "剩 N 个工作日" / "今日到期" / "已超期 N 个工作日", coloured by how near the deadline is. */
export function DeadlineBadge({ dueAt, now }: { dueAt: string | null; now: Date }) {
  const { t } = useTranslation();
  if (dueAt === null) return <span className="console-muted">{t('dstComplaints.noDeadline')}</span>;
  const standing = deadlineStanding(dueAt, now);
  const text =
    standing.kind === 'overdue'
      ? t('dstComplaints.daysOverdue', { count: standing.days })
      : standing.days === 0
        ? t('dstComplaints.dueToday')
        : t('dstComplaints.daysLeft', { count: standing.days });
  return (
    <span className={`console-badge ${standingTone(standing)}`} data-standing={standing.kind}>
      {text}
    </span>
  );
}
