import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { treeShape, type IndicatorTree } from '../../../contracts/indicators';
import { platformIndicatorOperations as ops, type IndicatorTreeView } from '../../../contracts/platform-indicators';
import { DistrictClientError } from '../district-client';
import { formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { GroupForm, LeafForm } from './NodeForms';
import { refusalText } from './refusal';
import { TreeProblems } from './TreeProblems';
import { TreeTable } from './TreeTable';
import { problemsFromDetails, treeProblems, withGroup, withLeaf, type Editing, type TreeProblem } from './tree-draft';
import { INDICATOR_KEYS } from './use-indicators';

/**
 * 指标体系: the tree as stored (its version, who saved it), its counts beside the seed's 7 / 26 /
 * 77, and for the district admin the editing of levels 2 and 3. Edits go to a draft checked
 * whole after each one, its problems listed at their nodes; the draft is saved whole as the next
 * version, made on the version read (someone else's save meanwhile is refused, and the tree read
 * again).
 */
export function TreeEditor({ view }: { view: IndicatorTreeView }) {
  const { t, i18n } = useTranslation();
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<IndicatorTree | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [platformProblems, setPlatformProblems] = useState<TreeProblem[]>([]);
  const mayEdit = session.may(ops.saveIndicatorTree);
  const tree = draft ?? view.tree;
  const problems = useMemo(() => (draft === null ? [] : treeProblems(draft)), [draft]);
  const shown = problems.length > 0 ? problems : platformProblems;
  const shape = treeShape(tree);

  const save = useMutation({
    mutationFn: (next: IndicatorTree) => client.saveIndicatorTree(view.version, next),
    onSuccess: (next) => {
      setDraft(null);
      setPlatformProblems([]);
      setSaved(t('dstIndicators.tree.saved', { version: next.version }));
      queryClient.setQueryData(INDICATOR_KEYS.tree, next);
      void queryClient.invalidateQueries({ queryKey: INDICATOR_KEYS.all });
    },
    onError: (error, next) => {
      setSaved(null);
      session.failed(error);
      if (error instanceof DistrictClientError && error.code === 'invalid_request')
        setPlatformProblems(problemsFromDetails(next, error.details));
      // Saved by someone else meanwhile: the tree is read again; this draft was made on the old one.
      if (error instanceof DistrictClientError && error.code === 'indicator_tree_changed')
        void queryClient.invalidateQueries({ queryKey: INDICATOR_KEYS.tree });
    },
  });

  const apply = (next: IndicatorTree) => {
    setDraft(next);
    setEditing(null);
    setSaved(null);
    setPlatformProblems([]);
  };

  return (
    <div className="dst-ind-tree" data-testid="dst-ind-tree">
      <div className="dst-panel">
        <p className="console-muted" data-testid="dst-ind-tree-version">
          {t('dstIndicators.tree.version', {
            version: view.version,
            by: view.savedBy,
            time: formatDateTime(view.savedAt, i18n.language),
          })}
        </p>
        <table className="dst-ind-shape" data-testid="dst-ind-shape">
          <caption>{t('dstIndicators.tree.shape')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dstIndicators.tree.level')}</th>
              <th scope="col" className="num">
                {draft === null ? t('dstIndicators.tree.now') : t('dstIndicators.tree.draft')}
              </th>
              <th scope="col" className="num">
                {t('dstIndicators.tree.seed')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(['categories', 'groups', 'leaves'] as const).map((level) => (
              <tr key={level} data-level={level} data-off={shape[level] !== view.seedShape[level] ? 'true' : 'false'}>
                <th scope="row">{t(`dstIndicators.tree.levels.${level}`)}</th>
                <td className="num">{shape[level]}</td>
                <td className="num">{view.seedShape[level]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!mayEdit && <p className="console-notice">{t('dstIndicators.tree.adminsOnly')}</p>}
      </div>

      {saved && (
        <p className="console-done" role="status">
          {saved}
        </p>
      )}
      {save.error && (
        <p className="error" role="alert">
          {refusalText(save.error, t, session.describeError)}
        </p>
      )}
      {draft !== null && (
        <div className="dst-panel dst-ind-draft" data-testid="dst-ind-draft">
          <p>{t('dstIndicators.tree.unsaved')}</p>
          <TreeProblems problems={shown} tree={tree} />
          <div className="console-actions">
            <button
              type="button"
              className="console-button console-primary"
              disabled={problems.length > 0 || save.isPending}
              onClick={() => save.mutate(draft)}
            >
              {t('dstIndicators.tree.save')}
            </button>
            <button
              type="button"
              className="console-button"
              onClick={() => {
                setDraft(null);
                setEditing(null);
                setPlatformProblems([]);
              }}
            >
              {t('dstIndicators.tree.discard')}
            </button>
          </div>
        </div>
      )}

      {editing?.kind === 'group' && (
        <GroupForm
          key={editing.group?.code ?? `new-${editing.categoryCode}`}
          tree={tree}
          categoryCode={editing.categoryCode}
          group={editing.group}
          onApply={(group) => apply(withGroup(tree, editing.categoryCode, group))}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'leaf' && (
        <LeafForm
          key={editing.leaf?.code ?? `new-${editing.groupCode}`}
          tree={tree}
          groupCode={editing.groupCode}
          leaf={editing.leaf}
          onApply={(leaf) => apply(withLeaf(tree, editing.groupCode, leaf))}
          onCancel={() => setEditing(null)}
        />
      )}

      <TreeTable tree={tree} problems={shown} mayEdit={mayEdit} onEdit={setEditing} />
    </div>
  );
}
