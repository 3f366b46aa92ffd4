import { useTranslation } from 'react-i18next';
import type { ComplaintStatistics, UnitStatistics } from '../../../contracts/platform-complaint-statistics';
import { DeskTable } from '../../manager/DeskTable';

/** A rate in % with one decimal, or "—" when it has no basis. */
export const percent = (value: number | null, none: string): string => (value === null ? none : `${value.toFixed(1)}%`);

/** Each unit's figures, rates, score and rank; the district's totals last. */
export function StatisticsTable({ stats }: { stats: ComplaintStatistics }) {
  const { t } = useTranslation();
  const none = t('dstStatistics.noRate');
  const d = stats.district;
  return (
    <>
      <DeskTable<UnitStatistics>
        testId="dst-statistics"
        rows={stats.units}
        rowKey={(row) => row.unitCode}
        rowAttributes={(row) => ({ 'data-unit': row.unitCode })}
        empty={t('dstStatistics.none')}
        columns={[
          {
            header: t('dstStatistics.columns.rank'),
            cell: (row) =>
              row.score.rank === null
                ? t('dstStatistics.unranked')
                : t('dstStatistics.rankOf', { rank: row.score.rank, of: stats.rankedUnits }),
          },
          { header: t('dstStatistics.columns.unit'), rowHeader: true, cell: (row) => row.name },
          { header: t('dstStatistics.columns.received'), cell: (row) => row.figures.received },
          {
            header: t('dstStatistics.columns.acceptedOnTime'),
            cell: (row) => `${row.figures.acceptedOnTime}/${row.figures.acceptDue}`,
          },
          {
            header: t('dstStatistics.columns.acceptedOnTimeRate'),
            cell: (row) => percent(row.score.measures.acceptedOnTimeRate, none),
          },
          { header: t('dstStatistics.columns.closedOnTime'), cell: (row) => `${row.figures.closedOnTime}/${row.figures.closed}` },
          {
            header: t('dstStatistics.columns.closedOnTimeRate'),
            cell: (row) => percent(row.score.measures.closedOnTimeRate, none),
          },
          { header: t('dstStatistics.columns.overdue'), cell: (row) => row.figures.overdue },
          { header: t('dstStatistics.columns.returned'), cell: (row) => `${row.figures.returned}/${row.figures.reviewed}` },
          { header: t('dstStatistics.columns.supervised'), cell: (row) => row.figures.supervised },
          {
            header: t('dstStatistics.columns.satisfactionRate'),
            cell: (row) => percent(row.score.measures.satisfactionRate, none),
          },
          {
            header: t('dstStatistics.columns.score'),
            cell: (row) => (row.score.score === null ? none : row.score.score.toFixed(2)),
          },
        ]}
      />
      <p className="dst-stat-district" data-testid="dst-statistics-district">
        {t('dstStatistics.district')}：{t('dstStatistics.columns.received')} {d.figures.received} ·{' '}
        {t('dstStatistics.columns.closedOnTime')} {d.figures.closedOnTime}/{d.figures.closed} ·{' '}
        {t('dstStatistics.districtRate', { rate: percent(d.measures.closedOnTimeRate, none) })}
      </p>
    </>
  );
}
