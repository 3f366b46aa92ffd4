import { useTranslation } from 'react-i18next';
import type { IndicatorTree } from '../../../contracts/indicators';
import { nodeNames } from './dashboard-view';
import type { TreeProblem } from './tree-draft';

/** Fields with a label of their own (`dstIndicators.fields.<field>`). */
const LABELLED = new Set([
  'code',
  'name',
  'nameEn',
  'weight',
  'unit',
  'direction',
  'target',
  'worst',
  'responsibleUnit',
  'source',
  'definition',
  'definitionEn',
]);

/**
 * Why the draft cannot be saved yet, one line per problem: the indicator it concerns (code and
 * name), the field, and what to fix. An alert, so a screen reader hears it when it appears.
 */
export function TreeProblems({ problems, tree }: { problems: readonly TreeProblem[]; tree: IndicatorTree }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return <p className="console-done">{t('dstIndicators.tree.valid')}</p>;
  const names = nodeNames(tree, i18n.language === 'en');
  const where = (problem: TreeProblem): string => {
    const node =
      problem.code === null ? t('dstIndicators.tree.wholeTree') : `${problem.code} ${names.get(problem.code) ?? ''}`.trim();
    const field =
      problem.field !== null && LABELLED.has(problem.field) ? t(`dstIndicators.fields.${problem.field}`) : problem.field;
    return field === null ? node : `${node} · ${field}`;
  };
  const what = (problem: TreeProblem): string =>
    problem.kind === undefined ? problem.message : t(`dstIndicators.problems.${problem.kind}`, { sum: problem.sum });
  return (
    <div role="alert" className="dst-ind-problems" data-testid="dst-ind-problems">
      <p>{t('dstIndicators.tree.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i} data-code={problem.code ?? ''}>
            <strong>{where(problem)}</strong>：{what(problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}
