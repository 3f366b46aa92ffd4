import { useTranslation } from 'react-i18next';
import type { ScoredIndicator } from '../../../contracts/indicator-scores';
import { weightMoved } from './dashboard-view';

/** A node's weight, and the weight it counted with when a missing sibling's moved onto it. */
export function Weight({ node }: { node: ScoredIndicator }) {
  const { t } = useTranslation();
  if (node.effectiveWeight === null) return <span title={t('dstIndicators.dashboard.weightGone')}>{node.weight} → 0</span>;
  if (!weightMoved(node)) return <>{node.weight}</>;
  return (
    <span title={t('dstIndicators.dashboard.weightMoved')}>
      {node.weight} → {node.effectiveWeight}
    </span>
  );
}
