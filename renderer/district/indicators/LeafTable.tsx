import { useTranslation } from 'react-i18next';
import { INDICATOR_METRICS } from '../../../contracts/indicator-metrics';
import type { ScoredIndicator } from '../../../contracts/indicator-scores';
import type { PeriodLeaf } from '../../../contracts/platform-indicators';
import { Weight } from './Weight';
import { ScoreBadge } from './ScoreBadge';

/**
 * The indicators of a group for a period: the value in its unit (缺失 when there is none: its
 * weight went to the others), the target and the value scoring 0, which way is better, the
 * score, the weight it counted with, where the value comes from and its state.
 */
export function LeafTable({
  nodes,
  leaves,
  nameOf,
}: {
  nodes: readonly ScoredIndicator[];
  leaves: ReadonlyMap<string, PeriodLeaf>;
  nameOf: (code: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <table data-testid="dst-ind-leaves">
      <thead>
        <tr>
          <th scope="col">{t('dstIndicators.columns.code')}</th>
          <th scope="col">{t('dstIndicators.columns.name')}</th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.value')}
          </th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.target')}
          </th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.worst')}
          </th>
          <th scope="col">{t('dstIndicators.columns.direction')}</th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.score')}
          </th>
          <th scope="col" className="num">
            {t('dstIndicators.columns.weight')}
          </th>
          <th scope="col">{t('dstIndicators.columns.source')}</th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((node) => {
          const leaf = leaves.get(node.code);
          const unit = leaf?.unit ?? '';
          const value = node.value ?? null;
          return (
            <tr key={node.code} data-leaf={node.code} data-missing={value === null ? 'true' : 'false'}>
              <td>{node.code}</td>
              <th scope="row">{leaf?.name ?? nameOf(node.code)}</th>
              <td className="num">
                {value === null ? <span className="dst-ind-missing">{t('dstIndicators.missing')}</span> : `${value} ${unit}`}
              </td>
              <td className="num">{leaf ? `${leaf.target} ${unit}` : '—'}</td>
              <td className="num">{leaf ? `${leaf.worst} ${unit}` : '—'}</td>
              <td>{leaf ? t(`dstIndicators.directions.${leaf.direction}`) : '—'}</td>
              <td className="num">
                <ScoreBadge score={node.score} />
              </td>
              <td className="num">
                <Weight node={node} />
              </td>
              <td>
                {leaf?.source.kind === 'computed'
                  ? t('dstIndicators.sources.computedFrom', {
                      metric: english ? INDICATOR_METRICS[leaf.source.metric].nameEn : INDICATOR_METRICS[leaf.source.metric].name,
                    })
                  : t('dstIndicators.sources.entered')}
                {leaf && <span className="dst-note">{t(`dstIndicators.statuses.${leaf.status}`)}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
