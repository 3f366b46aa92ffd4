import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoredIndicator } from '../../../contracts/indicator-scores';
import type { IndicatorTree } from '../../../contracts/indicators';
import type { IndicatorPeriod, PeriodLeaf } from '../../../contracts/platform-indicators';
import { EChart } from '../../manager/reports/EChart';
import { useDistrictClient, useDistrictSession } from '../session';
import { childrenOf, formatScore, formatShare, nodeNames, scoreTone, trendTable, type TrendLine } from './dashboard-view';
import { LeafTable } from './LeafTable';
import { ScoreBadge } from './ScoreBadge';
import { trendOption } from './trend-option';
import { Weight } from './Weight';
import { INDICATOR_KEYS, usePeriodName } from './use-indicators';

/**
 * The dashboard of a period: the district's score and how much of the system it rests on, the
 * seven categories' scores, their trend over the periods of the same kind (chart and table), and
 * a category opened down to its groups and a group down to its indicators.
 */
export function Dashboard({ period, tree }: { period: IndicatorPeriod; tree: IndicatorTree }) {
  const { t, i18n } = useTranslation();
  const client = useDistrictClient();
  const session = useDistrictSession();
  const periodName = usePeriodName();
  const [category, setCategory] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const names = useMemo(() => nodeNames(tree, i18n.language === 'en'), [tree, i18n.language]);
  const nameOf = (code: string) => names.get(code) ?? code;

  const scores = useQuery({
    queryKey: INDICATOR_KEYS.scores(period.period),
    queryFn: () => client.periodScores(period.period),
  });
  const leaves = useQuery({
    queryKey: INDICATOR_KEYS.leaves(period.period, undefined),
    queryFn: () => client.periodLeaves(period.period),
  });
  const lineCodes: (string | null)[] = [null, ...tree.categories.map((c) => c.code)];
  const trends = useQueries({
    queries: lineCodes.map((code) => ({
      queryKey: INDICATOR_KEYS.trend(period.kind, code),
      queryFn: () => client.indicatorTrend(period.kind, code ?? undefined),
    })),
  });

  const data = scores.data?.scores;
  const lines: TrendLine[] = trends.flatMap((trend, i) =>
    trend.data
      ? [
          {
            code: lineCodes[i] ?? null,
            name: lineCodes[i] ? nameOf(lineCodes[i]) : t('dstIndicators.district'),
            series: trend.data.series,
          },
        ]
      : [],
  );
  const table = trendTable(lines);
  const leafByCode = new Map<string, PeriodLeaf>((leaves.data?.leaves ?? []).map((leaf) => [leaf.code, leaf]));
  const error = scores.error ?? leaves.error;

  if (error) {
    return (
      <p className="error" role="alert">
        {session.describeError(error)}
      </p>
    );
  }
  if (!data) return <p className="console-muted">{t('dstIndicators.loading')}</p>;

  const open = (code: string) => {
    setCategory(category === code ? null : code);
    setGroup(null);
  };

  return (
    <div className="dst-ind-dashboard" data-testid="dst-ind-dashboard">
      <div className="dst-panel dst-ind-headline" data-testid="dst-ind-district">
        <h3>{t('dstIndicators.dashboard.districtOf', { period: periodName(period.period) })}</h3>
        <p className="dst-ind-score">
          <ScoreBadge score={data.score} testId="dst-ind-district-score" />
        </p>
        <p>{t('dstIndicators.dashboard.coverage', { share: formatShare(data.coverage), count: data.missing.length })}</p>
        {data.missing.length > 0 && <p className="console-muted">{t('dstIndicators.dashboard.missingRule')}</p>}
      </div>

      <ul className="dst-ind-cards" aria-label={t('dstIndicators.dashboard.categories')}>
        {childrenOf(data, null).map((node) => (
          <li key={node.code} data-category={node.code} data-tone={scoreTone(node.score)}>
            <button type="button" className="dst-ind-card" aria-expanded={category === node.code} onClick={() => open(node.code)}>
              <span className="dst-ind-card-name">{nameOf(node.code)}</span>
              <span className="dst-ind-card-score">{formatScore(node.score)}</span>
              <span className="dst-ind-card-meta">
                {t('dstIndicators.dashboard.weightOf', { weight: node.weight })} ·{' '}
                {t('dstIndicators.dashboard.coverageShort', { share: formatShare(node.coverage) })}
                {node.missing.length > 0 && ` · ${t('dstIndicators.dashboard.missingCount', { count: node.missing.length })}`}
              </span>
            </button>
          </li>
        ))}
      </ul>

      {category !== null && (
        <div className="dst-panel" data-testid="dst-ind-drill">
          <div className="dst-panel-head">
            <h3>{t('dstIndicators.dashboard.groupsOf', { name: nameOf(category) })}</h3>
            <button type="button" className="console-button" onClick={() => open(category)}>
              {t('dstIndicators.close')}
            </button>
          </div>
          <NodeTable
            nodes={childrenOf(data, category)}
            nameOf={nameOf}
            open={group}
            onOpen={(code) => setGroup(group === code ? null : code)}
          />
          {group !== null && (
            <>
              <h4>{t('dstIndicators.dashboard.leavesOf', { name: nameOf(group) })}</h4>
              <LeafTable nodes={childrenOf(data, group)} leaves={leafByCode} nameOf={nameOf} />
            </>
          )}
        </div>
      )}

      <div className="dst-panel" data-testid="dst-ind-trend">
        <h3>{t('dstIndicators.dashboard.trend', { kind: t(`dstIndicators.kinds.${period.kind}`) })}</h3>
        {table.periods.length > 0 ? (
          <>
            <EChart option={trendOption(table, periodName)} label={t('dstIndicators.dashboard.trendChart')} height={300} />
            <table className="dst-ind-trend-table">
              <caption className="console-muted">{t('dstIndicators.dashboard.trendTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dstIndicators.columns.name')}</th>
                  {table.periods.map((p) => (
                    <th key={p} scope="col" className="num">
                      {periodName(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.code ?? 'district'} data-line={row.code ?? 'district'}>
                    <th scope="row">{row.name}</th>
                    {row.scores.map((score, i) => (
                      <td key={table.periods[i]} className="num">
                        {formatScore(score)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="console-muted">{t('dstIndicators.loading')}</p>
        )}
      </div>
    </div>
  );
}

/** The groups of a category: weight (and the weight it counted with), score, coverage, missing. */
function NodeTable({
  nodes,
  nameOf,
  open,
  onOpen,
}: {
  nodes: readonly ScoredIndicator[];
  nameOf: (code: string) => string;
  open: string | null;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <table data-testid="dst-ind-groups">
      <thead>
        <tr>
          <th scope="col">{t('dstIndicators.columns.code')}</th>
          <th scope="col">{t('dstIndicators.columns.name')}</th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.weight')}
          </th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.score')}
          </th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.coverage')}
          </th>
          <th scope="col">{t('dstIndicators.columns.missing')}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => (
          <tr key={node.code} data-group={node.code} aria-current={open === node.code ? 'true' : undefined}>
            <td>{node.code}</td>
            <th scope="row">
              <button
                type="button"
                className="dst-link"
                aria-expanded={open === node.code}
                aria-label={t('dstIndicators.dashboard.openGroup', { name: nameOf(node.code) })}
                onClick={() => onOpen(node.code)}
              >
                {nameOf(node.code)}
              </button>
            </th>
            <td className="num">
              <Weight node={node} />
            </td>
            <td className="num">
              <ScoreBadge score={node.score} />
            </td>
            <td className="num">{formatShare(node.coverage)}</td>
            <td>{node.missing.length === 0 ? '—' : node.missing.join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
