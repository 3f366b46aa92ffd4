import './camera-materials.css';
import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../../contracts/cases';
import { MAX_PAGES_PER_CASE, type CapturedPage } from './captured-pages';

/**
 * The materials step with the document camera: each material with the pages taken of it (each
 * removable) and a button that opens the capture screen for its next page. A material with a
 * page counts as brought; a required one without warns, as the tick list does.
 */
export function CameraMaterials({
  item,
  pages,
  onCapture,
  onRemove,
}: {
  item: CatalogViewItem;
  pages: readonly CapturedPage[];
  onCapture: (materialCode: string) => void;
  onRemove: (key: number) => void;
}) {
  const { t } = useTranslation();
  const full = pages.length >= MAX_PAGES_PER_CASE;
  const missing = item.materials.filter((m) => m.required && !pages.some((p) => p.materialCode === m.code)).map((m) => m.name);
  return (
    <>
      <ul className="case-materials">
        {item.materials.map((material) => {
          const own = pages.filter((page) => page.materialCode === material.code);
          return (
            <li key={material.code} className="case-material-camera" data-material={material.code}>
              <div className="case-material-camera-head">
                <span className="case-material-name">{material.name}</span>
                <span className={`case-badge${material.required ? ' case-badge-required' : ''}`}>
                  {material.required ? t('case.materials.required') : t('case.materials.optional')}
                </span>
                <button type="button" className="primary big" disabled={full} onClick={() => onCapture(material.code)}>
                  {own.length === 0 ? t('camera.captureFirst') : t('camera.captureMore')}
                  <span className="visually-hidden">{material.name}</span>
                </button>
              </div>
              {own.length > 0 && (
                <ul
                  className="case-material-pages"
                  aria-label={t('camera.pagesOf', { material: material.name, count: own.length })}
                >
                  {own.map((page, index) => (
                    <li key={page.key} className="case-material-page">
                      <img src={page.url} alt={t('camera.pageAlt', { material: material.name, page: index + 1 })} />
                      <button type="button" className="secondary" onClick={() => onRemove(page.key)}>
                        {t('camera.remove', { page: index + 1 })}
                        <span className="visually-hidden">{material.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <div className="case-materials-status" role="status" aria-live="polite">
        {full && <p className="case-warning">{t('camera.full', { count: MAX_PAGES_PER_CASE })}</p>}
        {missing.length > 0 && (
          <p className="case-warning" data-testid="materials-warning">
            {t('camera.missingWarning', { count: missing.length, names: missing.join('、') })}
          </p>
        )}
      </div>
    </>
  );
}
