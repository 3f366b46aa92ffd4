import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_METRICS } from '../../../contracts/indicator-metrics';
import type { IndicatorTree } from '../../../contracts/indicators';
import type { Editing, TreeProblem } from './tree-draft';

/**
 * The tree, one table per category: each group a heading row with its weight, its indicators
 * under it with their configuration. For the district admin each group and indicator has its
 * 修改, each category its 添加二级指标 and each group its 添加三级指标. A node with a problem is marked.
 */
export function TreeTable({
  tree,
  problems,
  mayEdit,
  onEdit,
}: {
  tree: IndicatorTree;
  problems: readonly TreeProblem[];
  mayEdit: boolean;
  onEdit: (editing: Editing) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const troubled = new Set(problems.map((p) => p.code));
  const unitName = (code: string) => tree.responsibleUnits.find((u) => u.code === code)?.name ?? code;
  const mark = (code: string) => (troubled.has(code) ? { 'data-problem': 'true' } : {});

  return (
    <>
      {tree.categories.map((category) => (
        <section
          key={category.code}
          className="dst-panel"
          data-category={category.code}
          aria-labelledby={`dst-ind-cat-${category.code}`}
        >
          <div className="dst-panel-head">
            <h3 id={`dst-ind-cat-${category.code}`} {...mark(category.code)}>
              {category.code} {english ? category.nameEn : category.name} ·{' '}
              {t('dstIndicators.dashboard.weightOf', { weight: category.weight })}
            </h3>
            {mayEdit && (
              <button
                type="button"
                className="console-button"
                aria-label={t('dstIndicators.tree.addGroupTo', { name: category.name })}
                onClick={() => onEdit({ kind: 'group', categoryCode: category.code, group: null })}
              >
                {t('dstIndicators.tree.addGroup')}
              </button>
            )}
          </div>
          <table className="dst-ind-tree-table">
            <thead>
              <tr>
                <th scope="col">{t('dstIndicators.columns.code')}</th>
                <th scope="col">{t('dstIndicators.columns.name')}</th>
                <th scope="col" className="num">
                  {t('dstIndicators.columns.weight')}
                </th>
                <th scope="col">{t('dstIndicators.columns.unit')}</th>
                <th scope="col">{t('dstIndicators.columns.direction')}</th>
                <th scope="col" className="num">
                  {t('dstIndicators.columns.target')}
                </th>
                <th scope="col" className="num">
                  {t('dstIndicators.columns.worst')}
                </th>
                <th scope="col">{t('dstIndicators.columns.responsible')}</th>
                <th scope="col">{t('dstIndicators.columns.source')}</th>
                {mayEdit && <th scope="col">{t('dstIndicators.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {category.children.map((group) => (
                <Fragment key={group.code}>
                  <tr className="dst-ind-group-row" data-node={group.code} {...mark(group.code)}>
                    <td>{group.code}</td>
                    <th scope="row" colSpan={1}>
                      {english ? group.nameEn : group.name}
                    </th>
                    <td className="num">{group.weight}</td>
                    <td colSpan={6} className="console-muted">
                      {t('dstIndicators.tree.leafCount', { count: group.children.length })}
                    </td>
                    {mayEdit && (
                      <td>
                        <div className="console-row-actions">
                          <button
                            type="button"
                            className="console-button"
                            aria-label={t('dstIndicators.tree.editOf', { name: group.name })}
                            onClick={() => onEdit({ kind: 'group', categoryCode: category.code, group })}
                          >
                            {t('dstIndicators.tree.edit')}
                          </button>
                          <button
                            type="button"
                            className="console-button"
                            aria-label={t('dstIndicators.tree.addLeafTo', { name: group.name })}
                            onClick={() => onEdit({ kind: 'leaf', groupCode: group.code, leaf: null })}
                          >
                            {t('dstIndicators.tree.addLeaf')}
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                  {group.children.map((leaf) => (
                    <tr key={leaf.code} data-node={leaf.code} {...mark(leaf.code)}>
                      <td>{leaf.code}</td>
                      <th scope="row">{english ? leaf.nameEn : leaf.name}</th>
                      <td className="num">{leaf.weight}</td>
                      <td>{leaf.unit}</td>
                      <td>{t(`dstIndicators.directions.${leaf.direction}`)}</td>
                      <td className="num">{leaf.target}</td>
                      <td className="num">{leaf.worst}</td>
                      <td>{unitName(leaf.responsibleUnit)}</td>
                      <td>
                        {leaf.source.kind === 'computed'
                          ? t('dstIndicators.sources.computedFrom', {
                              metric: english
                                ? INDICATOR_METRICS[leaf.source.metric].nameEn
                                : INDICATOR_METRICS[leaf.source.metric].name,
                            })
                          : t('dstIndicators.sources.entered')}
                      </td>
                      {mayEdit && (
                        <td>
                          <button
                            type="button"
                            className="console-button"
                            aria-label={t('dstIndicators.tree.editOf', { name: leaf.name })}
                            onClick={() => onEdit({ kind: 'leaf', groupCode: group.code, leaf })}
                          >
                            {t('dstIndicators.tree.edit')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
