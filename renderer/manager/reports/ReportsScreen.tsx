import './reports.css';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../contracts/reports';
import { useApi } from '../../api/context';
import { saveFile } from '../../technician/logs/save-file';
import { formatDateTime, MANAGER_KEYS, useManagerSession } from '../session';
import { heatOption, ratingsOption, servicesOption, trendOption, waitsOption, type Words } from './chart-options';
import { EChart } from './EChart';
import { RangePicker } from './RangePicker';
import { hallToday, presetRange, type DateRange } from './report-range';
import { formatDuration, formatPercent } from './report-views';
import { GroupTable, HeatTable, RankingTable, RatingsTable, SummaryTable, TrendTable, WaitsTable } from './ReportTables';

/** The report of a range, under the console's keys: signing out drops it. */
const reportKey = (range: DateRange) => [...MANAGER_KEYS.all, 'reports', range.from, range.to] as const;

type ExportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'failed'; message: string };

/**
 * 统计报表: the hall's figures over a period (a day up to a year), as charts and as the same
 * figures in tables, with the Excel export of the same period and printing (to paper or PDF, A4).
 * Everything on the page and in the file comes from one Report of the host (GET /reports).
 */
export default function ReportsScreen() {
  const session = useManagerSession();
  const { t } = useTranslation();
  // The hall's today: until /health has said the hall's zone, no date is guessed.
  if (session.timeZone === undefined) return <p className="console-muted">{t('mgrReports.loading')}</p>;
  return <ReportsForZone timeZone={session.timeZone} />;
}

function ReportsForZone({ timeZone }: { timeZone: string }) {
  const api = useApi();
  const session = useManagerSession();
  const { t } = useTranslation();
  const today = hallToday(new Date(), timeZone);
  const [range, setRange] = useState<DateRange>(() => presetRange('thisMonth', today));
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const report = useQuery({ queryKey: reportKey(range), queryFn: () => api.report(range.from, range.to) });

  const exportExcel = async () => {
    setExported({ kind: 'working' });
    try {
      const { blob, fileName } = await api.reportExport(range.from, range.to);
      saveFile(blob, fileName);
      setExported({ kind: 'done', file: fileName });
    } catch (error) {
      setExported({ kind: 'failed', message: session.failed(error) });
    }
  };

  return (
    <section className="mgr-rep" aria-labelledby="mgr-rep-title">
      <h2 id="mgr-rep-title">{t('mgrReports.title')}</h2>
      <div className="mgr-rep-toolbar">
        <RangePicker
          today={today}
          onChange={(_kind, next) => {
            setRange(next);
            setExported({ kind: 'idle' });
          }}
        />
        <div className="mgr-rep-actions">
          <button
            type="button"
            className="console-button"
            data-testid="report-export"
            disabled={exported.kind === 'working' || !report.data}
            onClick={() => void exportExcel()}
          >
            {exported.kind === 'working' ? t('mgrReports.actions.exporting') : t('mgrReports.actions.export')}
          </button>
          <button
            type="button"
            className="console-button"
            data-testid="report-print"
            disabled={!report.data}
            onClick={() => window.print()}
          >
            {t('mgrReports.actions.print')}
          </button>
          <p role="status" className="console-muted">
            {exported.kind === 'done' ? t('mgrReports.actions.exported', { file: exported.file }) : ''}
          </p>
          {exported.kind === 'failed' && (
            <p className="error" role="alert">
              {exported.message}
            </p>
          )}
        </div>
      </div>
      {report.isError && (
        <p className="error" role="alert">
          {session.describeError(report.error)}
        </p>
      )}
      {report.isPending && <p className="console-muted">{t('mgrReports.loading')}</p>}
      {report.data && <ReportView report={report.data} />}
    </section>
  );
}

/** One report: the headline figures, then each chart with its table. */
function ReportView({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const words: Words = t;
  const options = useMemo(
    () => ({
      trend: trendOption(report, words),
      services: servicesOption(report, words),
      waits: waitsOption(report, words),
      ratings: ratingsOption(report, words),
      heat: heatOption(report, words),
    }),
    // `words` follows the language: the charts are relabelled when it changes.
    [report, words],
  );
  const hall = report.hall;
  const chartLabel = (section: string) => t('mgrReports.chartLabel', { title: t(`mgrReports.sections.${section}`) });
  const headline: [string, string][] = [
    ['issued', String(hall.issued)],
    ['served', String(hall.served)],
    ['noShowPct', formatPercent(hall.noShowPct)],
    ['avgWait', formatDuration(hall.wait.avg)],
    ['serviceLevel', formatPercent(hall.serviceLevelPct)],
    ['satisfaction', formatPercent(hall.satisfactionPct)],
    ['badReviews', String(hall.badReviews)],
    ['onTimeRectification', formatPercent(hall.onTimeRectificationPct)],
  ];

  return (
    <div className="mgr-rep-report" data-testid="report" lang={i18n.language}>
      <header className="mgr-rep-heading">
        <p className="mgr-rep-period" data-testid="report-period">
          {t('mgrReports.heading', { hall: report.hallName, from: report.from, to: report.to })}
        </p>
        <p className="console-muted">
          {t('mgrReports.generated', {
            days: report.days,
            openDays: report.openDays,
            at: formatDateTime(report.generatedAt, session.timeZone, i18n.language),
          })}
        </p>
        {hall.issued === 0 && hall.rated === 0 && <p className="console-notice">{t('mgrReports.empty')}</p>}
      </header>

      <dl className="mgr-rep-kpis">
        {headline.map(([key, value]) => (
          <div key={key} className="mgr-rep-kpi">
            <dt>{t(`mgrReports.figures.${key}`)}</dt>
            <dd data-testid={`kpi-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>

      <ReportBlock id="trend" title={t('mgrReports.sections.trend')}>
        <div className="mgr-rep-pair">
          <EChart option={options.trend} label={chartLabel('trend')} />
          <TrendTable report={report} />
        </div>
      </ReportBlock>
      <ReportBlock id="services" title={t('mgrReports.sections.services')}>
        <EChart option={options.services} label={chartLabel('services')} />
        <GroupTable
          caption={t('mgrReports.sections.services')}
          nameHeader={t('mgrReports.columns.service')}
          testId="report-services-table"
          groups={report.services.map((s) => ({ key: s.serviceCode, name: s.serviceName, figures: s }))}
        />
      </ReportBlock>
      <ReportBlock id="waits" title={t('mgrReports.sections.waits')}>
        <EChart option={options.waits} label={chartLabel('waits')} />
        <WaitsTable report={report} />
      </ReportBlock>
      <ReportBlock id="windows" title={t('mgrReports.sections.windows')}>
        <GroupTable
          caption={t('mgrReports.sections.windows')}
          nameHeader={t('mgrReports.columns.window')}
          testId="report-windows-table"
          groups={report.windows.map((w) => ({ key: String(w.windowId), name: `${w.windowNumber} ${w.windowName}`, figures: w }))}
        />
      </ReportBlock>
      <ReportBlock id="staff" title={t('mgrReports.sections.staff')}>
        <GroupTable
          caption={t('mgrReports.sections.staff')}
          nameHeader={t('mgrReports.columns.staff')}
          testId="report-staff-table"
          groups={report.staff.map((s) => ({ key: String(s.staffId), name: `${s.staffNo} ${s.staffName}`, figures: s }))}
        />
      </ReportBlock>
      <ReportBlock id="ratings" title={t('mgrReports.sections.ratings')}>
        <div className="mgr-rep-pair">
          <EChart option={options.ratings} label={chartLabel('ratings')} />
          <RatingsTable figures={hall} />
        </div>
      </ReportBlock>
      <ReportBlock id="heat" title={t('mgrReports.sections.heat')}>
        <EChart option={options.heat} label={chartLabel('heat')} height={340} />
        <HeatTable report={report} />
      </ReportBlock>
      <ReportBlock id="ranking" title={t('mgrReports.sections.ranking')}>
        <RankingTable report={report} />
        <p className="console-muted">{t('mgrReports.rankingRule')}</p>
      </ReportBlock>
      <details className="mgr-rep-summary-block" open>
        <summary>{t('mgrReports.sections.summary')}</summary>
        <SummaryTable figures={hall} />
      </details>
      <p className="console-muted mgr-rep-definitions">{t('mgrReports.definitions')}</p>
    </div>
  );
}

function ReportBlock({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="mgr-rep-block" aria-labelledby={`mgr-rep-${id}`} data-testid={`report-block-${id}`}>
      <h3 id={`mgr-rep-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
