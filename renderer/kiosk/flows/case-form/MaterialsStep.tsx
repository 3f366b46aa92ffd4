import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../contracts/cases';

/** Required materials the citizen has not ticked as brought. */
export function missingRequired(item: CatalogViewItem, brought: ReadonlySet<string>): string[] {
  return item.materials.filter((m) => m.required && !brought.has(m.code)).map((m) => m.name);
}

/**
 * The item's material checklist: one big "已带" box per material. A missing required material
 * only warns: the host accepts the case and the hall answers with a 补正 notice (一次性告知),
 * which beats sending the citizen home without a case at all.
 */
export function MaterialsStep({
  item,
  brought,
  onToggle,
}: {
  item: CatalogViewItem;
  brought: ReadonlySet<string>;
  onToggle: (code: string) => void;
}) {
  const { t } = useTranslation();
  const missing = missingRequired(item, brought);
  if (item.materials.length === 0) return <p className="case-note">{t('case.materials.none')}</p>;
  return (
    <>
      <ul className="case-materials">
        {item.materials.map((material) => {
          const checked = brought.has(material.code);
          return (
            <li key={material.code}>
              <label className={`case-material${checked ? ' case-material-checked' : ''}`}>
                <input type="checkbox" checked={checked} onChange={() => onToggle(material.code)} />
                <span className="case-material-name">{material.name}</span>
                <span className={`case-badge${material.required ? ' case-badge-required' : ''}`}>
                  {material.required ? t('case.materials.required') : t('case.materials.optional')}
                </span>
                {/* The checkbox already says whether it is ticked; this pill repeats it for the eye only. */}
                <span className="case-material-mark" aria-hidden="true">
                  {checked ? t('case.materials.brought') : t('case.materials.notBrought')}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div className="case-materials-status" role="status" aria-live="polite">
        {missing.length > 0 && (
          <p className="case-warning" data-testid="materials-warning">
            {t('case.materials.missingWarning', { count: missing.length, names: missing.join('、') })}
          </p>
        )}
      </div>
    </>
  );
}
