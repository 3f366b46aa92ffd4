import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INDICATOR_METRICS, IndicatorDirection, IndicatorMetric, MeasureUnit } from '../../../contracts/indicator-metrics';
import type { IndicatorGroup, IndicatorLeaf, IndicatorTree } from '../../../contracts/indicators';
import { groupFromForm, leafFromForm, nextCode, sourceValue } from './tree-draft';

/**
 * The forms of the tree editor: a group's names and weight, an indicator's whole configuration.
 * Applying puts the node into the draft; the draft's check then says what still breaks a rule
 * (a weight that no longer sums to 1 with its siblings', a worst value on the good side …).
 */

function FormButtons({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="console-actions">
      <button type="submit" className="console-button console-primary">
        {t('dstIndicators.tree.apply')}
      </button>
      <button type="button" className="console-button" onClick={onCancel}>
        {t('dstIndicators.cancel')}
      </button>
    </div>
  );
}

export function GroupForm({
  tree,
  categoryCode,
  group,
  onApply,
  onCancel,
}: {
  tree: IndicatorTree;
  categoryCode: string;
  group: IndicatorGroup | null;
  onApply: (group: IndicatorGroup) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const category = tree.categories.find((c) => c.code === categoryCode);
  const code = group?.code ?? nextCode(categoryCode, category?.children ?? []);
  if (code === null) return <p className="error">{t('dstIndicators.tree.noCodeLeft')}</p>;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(groupFromForm(new FormData(e.currentTarget), code, group ?? undefined));
  };
  const title =
    group === null
      ? t('dstIndicators.tree.newGroup', { code, category: category?.name ?? categoryCode })
      : t('dstIndicators.tree.editGroup', { code });
  return (
    <form className="dst-panel dst-form console-fields" data-testid="dst-ind-group-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <div className="dst-ind-form-grid">
        <label>
          {t('dstIndicators.fields.name')}
          <input name="name" defaultValue={group?.name ?? ''} required maxLength={64} />
        </label>
        <label>
          {t('dstIndicators.fields.nameEn')}
          <input name="nameEn" defaultValue={group?.nameEn ?? ''} required maxLength={160} lang="en" />
        </label>
        <label>
          {t('dstIndicators.fields.weight')}
          <input name="weight" type="number" step="any" min="0" max="1" defaultValue={group?.weight ?? ''} required />
        </label>
      </div>
      <p className="console-muted">{t('dstIndicators.tree.weightHint')}</p>
      <FormButtons onCancel={onCancel} />
    </form>
  );
}

export function LeafForm({
  tree,
  groupCode,
  leaf,
  onApply,
  onCancel,
}: {
  tree: IndicatorTree;
  groupCode: string;
  leaf: IndicatorLeaf | null;
  onApply: (leaf: IndicatorLeaf) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const group = tree.categories.flatMap((c) => c.children).find((g) => g.code === groupCode);
  const code = leaf?.code ?? nextCode(groupCode, group?.children ?? []);
  if (code === null) return <p className="error">{t('dstIndicators.tree.noCodeLeft')}</p>;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(leafFromForm(new FormData(e.currentTarget), code, tree.responsibleUnits));
  };
  const title =
    leaf === null
      ? t('dstIndicators.tree.newLeaf', { code, group: group?.name ?? groupCode })
      : t('dstIndicators.tree.editLeaf', { code });
  return (
    <form className="dst-panel dst-form console-fields" data-testid="dst-ind-leaf-form" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <div className="dst-ind-form-grid">
        <label>
          {t('dstIndicators.fields.name')}
          <input name="name" defaultValue={leaf?.name ?? ''} required maxLength={64} />
        </label>
        <label>
          {t('dstIndicators.fields.nameEn')}
          <input name="nameEn" defaultValue={leaf?.nameEn ?? ''} required maxLength={160} lang="en" />
        </label>
        <label>
          {t('dstIndicators.fields.weight')}
          <input name="weight" type="number" step="any" min="0" max="1" defaultValue={leaf?.weight ?? ''} required />
        </label>
        <label>
          {t('dstIndicators.fields.unit')}
          <select name="unit" defaultValue={leaf?.unit ?? '%'}>
            {MeasureUnit.options.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstIndicators.fields.direction')}
          <select name="direction" defaultValue={leaf?.direction ?? 'higher'}>
            {IndicatorDirection.options.map((direction) => (
              <option key={direction} value={direction}>
                {t(`dstIndicators.directions.${direction}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstIndicators.fields.target')}
          <input name="target" type="number" step="any" defaultValue={leaf?.target ?? ''} required />
        </label>
        <label>
          {t('dstIndicators.fields.worst')}
          <input name="worst" type="number" step="any" defaultValue={leaf?.worst ?? ''} required />
        </label>
        <label>
          {t('dstIndicators.fields.responsibleUnit')}
          <select name="responsibleUnit" defaultValue={leaf?.responsibleUnit ?? tree.responsibleUnits[0]?.code}>
            {tree.responsibleUnits.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstIndicators.fields.source')}
          <select name="source" defaultValue={leaf ? sourceValue(leaf.source) : 'entered'}>
            <option value="entered">{t('dstIndicators.sources.entered')}</option>
            {IndicatorMetric.options.map((metric) => (
              <option key={metric} value={`computed:${metric}`}>
                {t('dstIndicators.sources.computedFrom', { metric: INDICATOR_METRICS[metric].name })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('dstIndicators.fields.definition')}
        <textarea name="definition" defaultValue={leaf?.definition ?? ''} required maxLength={500} rows={2} />
      </label>
      <label>
        {t('dstIndicators.fields.definitionEn')}
        <textarea name="definitionEn" defaultValue={leaf?.definitionEn ?? ''} required maxLength={800} rows={2} lang="en" />
      </label>
      <p className="console-muted">{t('dstIndicators.tree.leafHint')}</p>
      <FormButtons onCancel={onCancel} />
    </form>
  );
}
