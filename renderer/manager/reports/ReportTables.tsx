import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, ReportFigures } from '../../../contracts/reports';
import { LEVELS } from './chart-options';
import { formatDuration, formatPercent, heatOf, trendOf } from './report-views';

/** A named group's figures (a service, a window, a staff member). */
export interface NamedFigures {
  key: string;
  name: string;
  figures: ReportFigures;
}

/** The figures of the group tables, in column order: what each column reads and how it is shown. */
const GROUP_COLUMNS: readonly { key: string; cell: (f: ReportFigures) => string }[] = [
  { key: 'issued', cell: (f) => String(f.issued) },
  { key: 'served', cell: (f) => String(f.served) },
  { key: 'noShowPct', cell: (f) => formatPercent(f.noShowPct) },
  { key: 'transfers', cell: (f) => String(f.transfers) },
  { key: 'avgWait', cell: (f) => formatDuration(f.wait.avg) },
  { key: 'medianWait', cell: (f) => formatDuration(f.wait.median) },
  { key: 'p90Wait', cell: (f) => formatDuration(f.wait.p90) },
  { key: 'avgService', cell: (f) => formatDuration(f.service.avg) },
  { key: 'serviceLevel', cell: (f) => formatPercent(f.serviceLevelPct) },
  { key: 'rated', cell: (f) => String(f.rated) },
  { key: 'satisfaction', cell: (f) => formatPercent(f.satisfactionPct) },
  { key: 'badReviews', cell: (f) => String(f.badReviews) },
  { key: 'onTimeRectification', cell: (f) => formatPercent(f.onTimeRectificationPct) },
];

/**
 * A table's box that scrolls when the table is wider (or, `tall`, longer) than the screen: a
 * region with the table's name that takes the keyboard focus, so it can be scrolled without a
 * mouse. Printed, it grows to show the whole table.
 */
function ScrollBox({ label, tall = false, children }: { label: string; tall?: boolean; children: ReactNode }) {
  return (
    <div className={tall ? 'mgr-rep-scroll mgr-rep-tall' : 'mgr-rep-scroll'} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Every figure of the hall, one per row. */
export function SummaryTable({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['issued', String(figures.issued)],
    ['served', String(figures.served)],
    ['noShow', String(figures.noShow)],
    ['noShowPct', formatPercent(figures.noShowPct)],
    ['cancelled', String(figures.cancelled)],
    ['transfers', String(figures.transfers)],
    ['called', String(figures.called)],
    ['avgWait', formatDuration(figures.wait.avg)],
    ['medianWait', formatDuration(figures.wait.median)],
    ['p90Wait', formatDuration(figures.wait.p90)],
    ['maxWait', formatDuration(figures.wait.max)],
    ['avgService', formatDuration(figures.service.avg)],
    ['medianService', formatDuration(figures.service.median)],
    ['p90Service', formatDuration(figures.service.p90)],
    ['serviceLevel', formatPercent(figures.serviceLevelPct)],
    ['rated', String(figures.rated)],
    ['satisfaction', formatPercent(figures.satisfactionPct)],
    ['badReviews', String(figures.badReviews)],
    ['overturned', String(figures.overturned)],
    ['rectificationDue', String(figures.rectificationDue)],
    ['rectifiedOnTime', String(figures.rectifiedOnTime)],
    ['onTimeRectification', formatPercent(figures.onTimeRectificationPct)],
  ];
  return (
    <table className="mgr-rep-table mgr-rep-summary" data-testid="report-summary-table">
      <caption>{t('mgrReports.sections.summary')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mgrReports.columns.figure')}</th>
          <th scope="col" className="num">
            {t('mgrReports.columns.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key} data-figure={key}>
            <th scope="row">{t(`mgrReports.figures.${key}`)}</th>
            <td className="num">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One row per service, window or staff member with the main figures. */
export function GroupTable({
  caption,
  nameHeader,
  groups,
  testId,
}: {
  caption: string;
  nameHeader: string;
  groups: readonly NamedFigures[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={caption}>
      <table className="mgr-rep-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {GROUP_COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="num">
                {t(`mgrReports.figures.${c.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.name}</th>
              {GROUP_COLUMNS.map((c) => (
                <td key={c.key} className="num">
                  {c.cell(g.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The trend chart's points. */
export function TrendTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const trend = trendOf(report);
  return (
    <ScrollBox tall label={t('mgrReports.sections.trend')}>
      <table className="mgr-rep-table" data-testid="report-trend-table">
        <caption>{t('mgrReports.sections.trend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(trend.byMonth ? 'mgrReports.columns.month' : 'mgrReports.columns.date')}</th>
            <th scope="col" className="num">
              {t('mgrReports.figures.issued')}
            </th>
            <th scope="col" className="num">
              {t('mgrReports.figures.served')}
            </th>
            <th scope="col" className="num">
              {t('mgrReports.figures.noShow')}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td className="num">{p.issued}</td>
              <td className="num">{p.served}</td>
              <td className="num">{p.noShow}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The waits chart's figures, and the rest of each service's times. */
export function WaitsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const columns: [string, (f: ReportFigures) => string][] = [
    ['avgWait', (f) => formatDuration(f.wait.avg)],
    ['medianWait', (f) => formatDuration(f.wait.median)],
    ['p90Wait', (f) => formatDuration(f.wait.p90)],
    ['maxWait', (f) => formatDuration(f.wait.max)],
    ['avgService', (f) => formatDuration(f.service.avg)],
    ['medianService', (f) => formatDuration(f.service.median)],
    ['p90Service', (f) => formatDuration(f.service.p90)],
    ['serviceLevel', (f) => formatPercent(f.serviceLevelPct)],
  ];
  return (
    <ScrollBox label={t('mgrReports.sections.waits')}>
      <table className="mgr-rep-table" data-testid="report-waits-table">
        <caption>
          {t('mgrReports.sections.waits')} {t('mgrReports.times')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('mgrReports.columns.service')}</th>
            <th scope="col" className="num">
              {t('mgrReports.figures.target')}
            </th>
            {columns.map(([key]) => (
              <th key={key} scope="col" className="num">
                {t(`mgrReports.figures.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.services.map((s) => (
            <tr key={s.serviceCode}>
              <th scope="row">{s.serviceName}</th>
              <td className="num">{s.targetWaitMin}</td>
              {columns.map(([key, cell]) => (
                <td key={key} className="num">
                  {cell(s)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** The five levels (the pie's slices) and how the 差评 were followed up. */
export function RatingsTable({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  return (
    <table className="mgr-rep-table" data-testid="report-ratings-table">
      <caption>{t('mgrReports.sections.ratings')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('mgrReports.columns.level')}</th>
          <th scope="col" className="num">
            {t('mgrReports.columns.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {LEVELS.map((level) => (
          <tr key={level}>
            <th scope="row">{t(`mgrReports.levels.${level}`)}</th>
            <td className="num">{figures.ratings[level]}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('mgrReports.figures.rated')}</th>
          <td className="num">{figures.rated}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.satisfaction')}</th>
          <td className="num">{formatPercent(figures.satisfactionPct)}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.badReviews')}</th>
          <td className="num">{figures.badReviews}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.overturned')}</th>
          <td className="num">{figures.overturned}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.rectificationDue')}</th>
          <td className="num">{figures.rectificationDue}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.rectifiedOnTime')}</th>
          <td className="num">{figures.rectifiedOnTime}</td>
        </tr>
        <tr>
          <th scope="row">{t('mgrReports.figures.onTimeRectification')}</th>
          <td className="num">{formatPercent(figures.onTimeRectificationPct)}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** The heat map's cells: average arrivals a day by weekday and hour. */
export function HeatTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const heat = heatOf(report);
  return (
    <ScrollBox label={t('mgrReports.sections.heat')}>
      <table className="mgr-rep-table mgr-rep-heat" data-testid="report-heat-table">
        <caption>{t('mgrReports.sections.heat')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mgrReports.columns.weekday')}</th>
            {heat.hours.map((h) => (
              <th key={h} scope="col" className="num">
                {h}:00
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heat.rows.map((row) => (
            <tr key={row.weekday}>
              <th scope="row">{t(`mgrReports.weekdays.${row.weekday}`)}</th>
              {row.averages.map((value, i) => (
                <td key={heat.hours[i]} className="num">
                  {value.toFixed(1)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Each month's windows in rank order. */
export function RankingTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <ScrollBox tall label={t('mgrReports.sections.ranking')}>
      <table className="mgr-rep-table" data-testid="report-ranking-table">
        <caption>{t('mgrReports.sections.ranking')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mgrReports.columns.month')}</th>
            <th scope="col" className="num">
              {t('mgrReports.columns.rank')}
            </th>
            <th scope="col">{t('mgrReports.columns.window')}</th>
            <th scope="col" className="num">
              {t('mgrReports.figures.satisfaction')}
            </th>
            <th scope="col" className="num">
              {t('mgrReports.figures.serviceLevel')}
            </th>
            <th scope="col" className="num">
              {t('mgrReports.figures.served')}
            </th>
            <th scope="col" className="num">
              {t('mgrReports.figures.rated')}
            </th>
          </tr>
        </thead>
        {report.ranking.map((month) => (
          <tbody key={month.month}>
            {month.windows.length === 0 ? (
              <tr>
                <th scope="row">{month.month}</th>
                <td colSpan={6} className="console-muted">
                  {t('mgrReports.noRanking')}
                </td>
              </tr>
            ) : (
              month.windows.map((w, i) => (
                <tr key={w.windowId}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={month.windows.length}>
                      {month.month}
                    </th>
                  ) : null}
                  <td className="num">{w.rank}</td>
                  <td>
                    {w.windowNumber} {w.windowName}
                  </td>
                  <td className="num">{formatPercent(w.satisfactionPct)}</td>
                  <td className="num">{formatPercent(w.serviceLevelPct)}</td>
                  <td className="num">{w.served}</td>
                  <td className="num">{w.rated}</td>
                </tr>
              ))
            )}
          </tbody>
        ))}
      </table>
    </ScrollBox>
  );
}
