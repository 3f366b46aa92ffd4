import { useTranslation } from 'react-i18next';
import type { ComplaintSummary } from '../../../contracts/platform-complaints';
import { DeskTable } from '../../manager/DeskTable';
import { DeadlineBadge } from './DeadlineBadge';
import { STATE_TONES } from './state-tone';

/** The work list's rows: number, enterprise, topic, state with what the enterprise sees, lead unit, the stage's deadline. */
export function ComplaintTable({
  rows,
  open,
  now,
  unitName,
  onOpen,
}: {
  rows: readonly ComplaintSummary[];
  open: string | null;
  now: Date;
  unitName: (code: string) => string;
  onOpen: (number: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <DeskTable<ComplaintSummary>
      testId="dst-complaints"
      rows={rows}
      rowKey={(row) => row.number}
      rowAttributes={(row) => ({
        'data-complaint': row.number,
        'data-overdue': String(row.overdue),
        ...(row.number === open ? { 'aria-current': 'true' as const } : {}),
      })}
      empty={t('dstComplaints.none')}
      columns={[
        {
          header: t('dstComplaints.columns.number'),
          rowHeader: true,
          cell: (row) => (
            <button
              type="button"
              className="dst-link"
              aria-label={t('dstComplaints.open', { number: row.number })}
              onClick={() => onOpen(row.number)}
            >
              {row.number}
            </button>
          ),
        },
        { header: t('dstComplaints.columns.enterprise'), cell: (row) => row.enterpriseName, className: 'dst-wrap' },
        { header: t('dstComplaints.columns.topic'), cell: (row) => t(`dstComplaints.topics.${row.topic}`) },
        {
          header: t('dstComplaints.columns.state'),
          cell: (row) => (
            <>
              <span className={`console-badge ${STATE_TONES[row.state]}`}>{t(`dstComplaints.states.${row.state}`)}</span>
              <span className="dst-sub">{t('dstComplaints.publicStage', { stage: t(`dstComplaints.stages.${row.stage}`) })}</span>
            </>
          ),
        },
        { header: t('dstComplaints.columns.leadUnit'), cell: (row) => (row.leadUnit === null ? '' : unitName(row.leadUnit)) },
        { header: t('dstComplaints.columns.due'), cell: (row) => <DeadlineBadge dueAt={row.stageDueAt} now={now} /> },
      ]}
    />
  );
}
