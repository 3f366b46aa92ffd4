import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CatalogViewItem } from '../../../contracts/cases';
import type { CatalogCategory } from '../../../contracts/central-api';
import { CaseWizard } from './case-form/CaseWizard';
import { CatalogItems } from './case-form/CatalogItems';
import { useKioskSession } from '../shell/session';
import { localizeItem } from './catalog-text';
import { scrollToTop } from './screen-top';
import { ThemeTiles } from './themes/ThemeTiles';
import { goesByTheme, shelves, THEMES, type ThemeKey } from './themes/themes';

/** Categories filed here; complaints (营商诉求) have their own flow. */
const CASE_CATEGORIES: readonly CatalogCategory[] = ['startup-bundle', 'livelihood', 'other'];

/** 办事申报: choose an item, fill its form (the card fills what it can), materials, confirm, receipt. */
export default function CaseFlow() {
  const { t } = useTranslation();
  // Kept here, above the wizard's steps: back from an item's form, the citizen is in its theme again.
  const [themes, setThemes] = useState<ThemeState>({ open: null, left: null });
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
      sayChoose={{ key: 'caseChoose' }}
      offerSteward
      choose={(pick) => <ItemChooser onPick={pick} themes={themes} onThemes={setThemes} />}
    />
  );
}

/** Which theme of a long livelihood list is open, and which one the citizen just left. */
interface ThemeState {
  open: ThemeKey | null;
  left: ThemeKey | null;
}

/** The hall's items by category; 企业开办 first, as the one-stop bundle it is. */
function ItemChooser({
  onPick,
  themes,
  onThemes,
}: {
  onPick: (item: CatalogViewItem) => void;
  themes: ThemeState;
  onThemes: (next: ThemeState) => void;
}) {
  const { t } = useTranslation();
  return (
    <CatalogItems categories={CASE_CATEGORIES} empty={t('case.choose.empty')}>
      {(items) => <ItemTiles items={items} onPick={onPick} themes={themes} onThemes={onThemes} />}
    </CatalogItems>
  );
}

function ItemTiles({
  items,
  onPick,
  themes,
  onThemes,
}: {
  items: CatalogViewItem[];
  onPick: (item: CatalogViewItem) => void;
  themes: ThemeState;
  onThemes: (next: ThemeState) => void;
}) {
  const { t, i18n } = useTranslation();
  // Shown in the citizen's language; the wizard gets the item as the catalog has it.
  const shown = (item: CatalogViewItem) => localizeItem(item, i18n.language);
  const bundles = items.filter((i) => i.category === 'startup-bundle');
  const livelihood = items.filter((i) => i.category === 'livelihood');
  const other = items.filter((i) => i.category === 'other');
  // A community centre lists some 40 livelihood items: by theme, or the list would scroll for pages.
  const themed = goesByTheme(livelihood) ? shelves(livelihood) : null;
  const open = themed?.find((shelf) => shelf.theme === themes.open);
  if (open) {
    return (
      <ThemeItems theme={open.theme} onBack={() => onThemes({ open: null, left: open.theme })}>
        <ItemGrid items={open.items} onPick={onPick} />
      </ThemeItems>
    );
  }
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
            <li>{promise(t, bundle)}</li>
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
      {livelihood.length > 0 && (
        <section className="case-group" aria-labelledby="case-group-livelihood">
          <h4 id="case-group-livelihood">{t('case.choose.livelihood')}</h4>
          {themed ? (
            <>
              <p className="case-note case-theme-note">{t('themes.choose')}</p>
              <ThemeTiles
                shelves={themed}
                grid="case-tiles"
                focus={themes.left}
                onPick={(theme) => onThemes({ open: theme, left: null })}
              />
            </>
          ) : (
            <ItemGrid items={livelihood} onPick={onPick} />
          )}
        </section>
      )}
      {other.length > 0 && (
        <section className="case-group" aria-labelledby="case-group-other">
          <h4 id="case-group-other">{t('case.choose.other')}</h4>
          <ItemGrid items={other} onPick={onPick} />
        </section>
      )}
    </div>
  );
}

/**
 * One theme of a long list opened: its name as the heading, the way back to all themes, and its
 * items. Opening it starts at its top with the focus on its name, and says it.
 */
function ThemeItems({ theme, onBack, children }: { theme: ThemeKey; onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const { voice } = useKioskSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const name = t(`themes.${THEMES[theme].key}.name`);
  const say = useRef(() => voice.say({ key: 'themeItems', theme }));
  useLayoutEffect(() => {
    scrollToTop(heading.current);
    heading.current?.focus({ preventScroll: true });
    say.current();
  }, []);
  return (
    <section className="case-group case-theme" aria-labelledby="case-theme-title" data-theme={theme}>
      <button type="button" className="secondary big case-theme-back" onClick={onBack}>
        {t('themes.back')}
      </button>
      <h4 id="case-theme-title" ref={heading} tabIndex={-1}>
        {name}
      </h4>
      {children}
    </section>
  );
}

/** Items as tiles: the name, the promise, how many materials to bring. */
function ItemGrid({ items, onPick }: { items: CatalogViewItem[]; onPick: (item: CatalogViewItem) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="tiles case-tiles">
      {items.map((item) => (
        <button key={item.code} type="button" className="tile" onClick={() => onPick(item)}>
          <span className="tile-title">{localizeItem(item, i18n.language).name}</span>
          <span className="tile-hint">{promise(t, item)}</span>
          {item.materials.length > 0 && (
            <span className="tile-hint">{t('case.choose.materialsCount', { count: item.materials.length })}</span>
          )}
        </button>
      ))}
    </div>
  );
}

function promise(t: TFunction, item: CatalogViewItem): string {
  return item.promisedWorkingDays === 0
    ? t('case.choose.instant')
    : t('case.choose.promised', { count: item.promisedWorkingDays });
}
