import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../contracts/cases';
import type { CatalogCategory } from '../../../contracts/central-api';
import { CaseWizard } from './case-form/CaseWizard';
import { CatalogItems } from './case-form/CatalogItems';
import { localizeItem } from './catalog-text';

/** Categories filed here; complaints (营商诉求) have their own flow. */
const CASE_CATEGORIES: readonly CatalogCategory[] = ['startup-bundle', 'livelihood', 'other'];

/** 办事申报: choose an item, fill its form (the card fills what it can), materials, confirm, receipt. */
export default function CaseFlow() {
  const { t } = useTranslation();
  return (
    <CaseWizard
      flow="case"
      stepLabels={{
        choose: t('case.steps.choose'),
        form: t('case.steps.form'),
        materials: t('case.steps.materials'),
        confirm: t('case.steps.confirm'),
        done: t('case.steps.done'),
      }}
      headings={{
        choose: t('case.choose.title'),
        form: t('case.steps.form'),
        materials: t('case.materials.title'),
        confirm: t('case.confirm.title'),
        done: t('case.done.title'),
      }}
      sayChoose={t('case.say.choose')}
      offerSteward
      choose={(pick) => <ItemChooser onPick={pick} />}
    />
  );
}

/** The hall's items by category; 企业开办 first, as the one-stop bundle it is. */
function ItemChooser({ onPick }: { onPick: (item: CatalogViewItem) => void }) {
  const { t } = useTranslation();
  return (
    <CatalogItems categories={CASE_CATEGORIES} empty={t('case.choose.empty')}>
      {(items) => <ItemTiles items={items} onPick={onPick} />}
    </CatalogItems>
  );
}

function ItemTiles({ items, onPick }: { items: CatalogViewItem[]; onPick: (item: CatalogViewItem) => void }) {
  const { t, i18n } = useTranslation();
  // Shown in the citizen's language; the wizard gets the item as the catalog has it.
  const shown = (item: CatalogViewItem) => localizeItem(item, i18n.language);
  const bundles = items.filter((i) => i.category === 'startup-bundle');
  const groups: { key: 'livelihood' | 'other'; items: CatalogViewItem[] }[] = [
    { key: 'livelihood', items: items.filter((i) => i.category === 'livelihood') },
    { key: 'other', items: items.filter((i) => i.category === 'other') },
  ];
  return (
    <div className="case-choose">
      {bundles.map((bundle) => (
        <article key={bundle.code} className="case-bundle" aria-labelledby={`bundle-${bundle.code}`}>
          <div className="case-bundle-head">
            <span className="case-badge case-badge-bundle">{t('case.choose.bundleBadge')}</span>
            <h4 id={`bundle-${bundle.code}`}>{shown(bundle).name}</h4>
          </div>
          <ul className="case-bundle-promise" aria-label={t('case.choose.bundlePromiseLabel')}>
            <li>{t('case.choose.oneSubmission')}</li>
            <li>{t('case.choose.oneNumber')}</li>
            <li>{promise(bundle)}</li>
          </ul>
          {bundle.bundle && bundle.bundle.length > 0 && (
            <>
              <p className="case-bundle-parts-title">{t('case.choose.bundleParts')}</p>
              <ol className="case-bundle-parts">
                {(shown(bundle).bundle ?? []).map((part) => (
                  <li key={part.code}>{part.name}</li>
                ))}
              </ol>
            </>
          )}
          <button type="button" className="primary big" onClick={() => onPick(bundle)}>
            {t('case.choose.startBundle', { name: shown(bundle).name })}
          </button>
        </article>
      ))}
      {groups
        .filter((g) => g.items.length > 0)
        .map((group) => (
          <section key={group.key} className="case-group" aria-labelledby={`case-group-${group.key}`}>
            <h4 id={`case-group-${group.key}`}>{t(`case.choose.${group.key}`)}</h4>
            <div className="tiles case-tiles">
              {group.items.map((item) => (
                <button key={item.code} type="button" className="tile" onClick={() => onPick(item)}>
                  <span className="tile-title">{shown(item).name}</span>
                  <span className="tile-hint">{promise(item)}</span>
                  {item.materials.length > 0 && (
                    <span className="tile-hint">{t('case.choose.materialsCount', { count: item.materials.length })}</span>
                  )}
                </button>
              ))}
            </div>
          </section>
        ))}
    </div>
  );

  function promise(item: CatalogViewItem): string {
    return item.promisedWorkingDays === 0
      ? t('case.choose.instant')
      : t('case.choose.promised', { count: item.promisedWorkingDays });
  }
}
