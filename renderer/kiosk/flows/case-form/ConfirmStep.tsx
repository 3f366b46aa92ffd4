import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../contracts/cases';
import type { CatalogFormField } from '../../../../contracts/central-api';
import type { IdentityView } from '../../../../contracts/identity';
import { optionLabel } from '../catalog-text';
import { maskedCardValue } from './card-fields';
import { missingRequired } from './MaterialsStep';

export interface ConfirmStepProps {
  item: CatalogViewItem;
  citizen: IdentityView | null;
  values: Readonly<Record<string, string>>;
  fromCard: (field: CatalogFormField) => boolean;
  brought: ReadonlySet<string>;
  /** Offered only where a steward can help (办事申报), not for complaints. */
  steward?: { requested: boolean; onToggle: () => void } | undefined;
  onEdit: (step: 'form' | 'materials') => void;
}

/** Everything that will be submitted, in one place, with a way back to each part. */
export function ConfirmStep({ item, citizen, values, fromCard, brought, steward, onEdit }: ConfirmStepProps) {
  const { t, i18n } = useTranslation();
  const missing = missingRequired(item, brought);
  const broughtNames = item.materials.filter((m) => brought.has(m.code)).map((m) => m.name);
  return (
    <div className="case-confirm">
      <section className="case-panel" aria-labelledby="case-confirm-item">
        <h4 id="case-confirm-item">{t('case.confirm.item')}</h4>
        <p className="case-confirm-item">{item.name}</p>
      </section>
      <section className="case-panel" aria-labelledby="case-confirm-info">
        <div className="case-panel-head">
          <h4 id="case-confirm-info">{t('case.confirm.info')}</h4>
          <button type="button" className="secondary" onClick={() => onEdit('form')}>
            {t('case.confirm.editInfo')}
          </button>
        </div>
        <dl className="case-summary">
          {item.formFields.map((field) => (
            <div key={field.key}>
              <dt>{field.label}</dt>
              <dd>{valueOf(field)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {item.materials.length > 0 && (
        <section className="case-panel" aria-labelledby="case-confirm-materials">
          <div className="case-panel-head">
            <h4 id="case-confirm-materials">{t('case.confirm.materials')}</h4>
            <button type="button" className="secondary" onClick={() => onEdit('materials')}>
              {t('case.confirm.editMaterials')}
            </button>
          </div>
          <p>
            {broughtNames.length > 0
              ? t('case.confirm.brought', { names: broughtNames.join('、') })
              : t('case.confirm.noneBrought')}
          </p>
          {missing.length > 0 && <p className="case-warning">{t('case.confirm.missing', { names: missing.join('、') })}</p>}
        </section>
      )}
      {steward && (
        <label className={`case-steward${steward.requested ? ' case-steward-on' : ''}`}>
          <input type="checkbox" checked={steward.requested} onChange={steward.onToggle} aria-describedby="case-steward-hint" />
          <span className="case-steward-text">
            <strong>{t('case.confirm.steward')}</strong>
            <span id="case-steward-hint">{t('case.confirm.stewardHint')}</span>
          </span>
        </label>
      )}
    </div>
  );

  function valueOf(field: CatalogFormField): string {
    if (fromCard(field)) {
      const masked = maskedCardValue(field, citizen);
      return masked === null ? t('case.form.fromCard') : t('case.form.fromCardMasked', { value: masked });
    }
    const value = values[field.key]?.trim() ?? '';
    if (value === '') return t('case.confirm.notProvided');
    // A choice reads as it was offered (in English, its English label); typed text as typed.
    return field.type === 'select' ? optionLabel(field, value, i18n.language) : value;
  }
}
