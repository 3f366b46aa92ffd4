import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../technician/logs/save-file';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from '../session';
import { rateChart, scoreChart } from './chart-options';
import { currentChoice, partsOf, periodOf, type PeriodChoice, type PeriodKind } from './period';
import { RulesEditor } from './RulesEditor';
import { StatisticsChart } from './StatisticsChart';
import { StatisticsTable } from './StatisticsTable';

const KINDS: readonly PeriodKind[] = ['year', 'quarter', 'month'];

/**
 * 查询统计 and 考核: a period's figures, rates, scores and ranks of the units that handle 营商诉求
 * (every unit for the 营商局, the reader's own for a unit), the district's 规定期限办结率, two
 * charts, the Excel export, and the 考核细则 (edited by the 营商局's supervisors).
 */
export default function StatisticsScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [choice, setChoice] = useState<PeriodChoice>(() => currentChoice(new Date(), 'month'));
  const period = periodOf(choice);
  const key = [...DISTRICT_KEYS.all, 'complaint-statistics', period.from, period.to] as const;
  const stats = useQuery({ queryKey: key, queryFn: () => client.complaintStatistics(period) });
  const exported = useMutation({
    mutationFn: () => client.exportComplaintStatistics(period),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName),
  });
  const words = useMemo(
    () => ({
      score: t('dstStatistics.columns.score'),
      closedOnTimeRate: t('dstStatistics.columns.closedOnTimeRate'),
      acceptedOnTimeRate: t('dstStatistics.columns.acceptedOnTimeRate'),
      satisfactionRate: t('dstStatistics.columns.satisfactionRate'),
    }),
    [t],
  );
  const charts = useMemo(
    () => (stats.data ? { scores: scoreChart(stats.data, words), rates: rateChart(stats.data, words) } : null),
    [stats.data, words],
  );
  const thisYear = currentChoice(new Date(), 'year').year;
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);

  return (
    <section className="dst-section" aria-labelledby="dst-statistics-title">
      <h2 id="dst-statistics-title">{t('dstStatistics.title')}</h2>
      <fieldset className="dst-stat-period">
        <legend>{t('dstStatistics.period')}</legend>
        <label>
          {t('dstStatistics.kind')}
          <select
            value={choice.kind}
            onChange={(event) => {
              const kind = KINDS.find((k) => k === event.target.value) ?? 'month';
              setChoice({ ...currentChoice(new Date(), kind), year: choice.year });
            }}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`dstStatistics.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstStatistics.year')}
          <select value={choice.year} onChange={(event) => setChoice({ ...choice, year: Number(event.target.value) })}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        {choice.kind !== 'year' && (
          <label>
            {t('dstStatistics.part')}
            <select value={choice.part} onChange={(event) => setChoice({ ...choice, part: Number(event.target.value) })}>
              {partsOf(choice.kind).map((n) => (
                <option key={n} value={n}>
                  {t(choice.kind === 'quarter' ? 'dstStatistics.quarter' : 'dstStatistics.month', { n })}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="dst-stat-label" data-testid="dst-statistics-period">
          {period.label}
        </span>
        <button type="button" disabled={exported.isPending || !stats.isSuccess} onClick={() => exported.mutate()}>
          {exported.isPending ? t('dstStatistics.exporting') : t('dstStatistics.export')}
        </button>
      </fieldset>
      {exported.isSuccess && <p role="status">{t('dstStatistics.exported', { file: exported.data.fileName })}</p>}
      {exported.error && (
        <p className="error" role="alert">
          {session.failed(exported.error)}
        </p>
      )}
      {stats.isPending && <p>{t('dstStatistics.loading')}</p>}
      {stats.error && (
        <p className="error" role="alert">
          {session.describeError(stats.error)}
        </p>
      )}
      {stats.data && (
        <>
          <p>
            {t('dstStatistics.rulesInForce', {
              name: stats.data.rules.name,
              version: stats.data.rules.version,
              total: stats.data.rules.total,
            })}
          </p>
          {stats.data.scope === 'unit' && <p>{t('dstStatistics.ownUnit')}</p>}
          <StatisticsTable stats={stats.data} />
          {charts && (
            <div className="dst-stat-charts">
              <StatisticsChart option={charts.scores} label={t('dstStatistics.chartScores')} />
              <StatisticsChart option={charts.rates} label={t('dstStatistics.chartRates')} />
            </div>
          )}
        </>
      )}
      <RulesEditor
        onSaved={() => void queryClient.invalidateQueries({ queryKey: [...DISTRICT_KEYS.all, 'complaint-statistics'] })}
      />
    </section>
  );
}
