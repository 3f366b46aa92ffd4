import './GuideFlow.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogCategory } from '../../../contracts/central-api';
import type { IssueTicketResponse } from '../../../contracts/queue';
import { useApi } from '../../api/context';
import { useKioskSession } from '../shell/session';
import { localizeItem } from './catalog-text';
import { ScreenTop } from './screen-top';
import { TicketDone } from '../TicketDone';
import { CATEGORIES, CATEGORY_KEY } from './guide/catalog';
import { ItemDetail } from './guide/ItemDetail';
import { ServicesList } from './guide/ServicesList';
import { ThemeTiles } from './themes/ThemeTiles';
import { goesByTheme, shelves, THEMES, type ThemeKey } from './themes/themes';

type Tab = 'items' | 'services';

/**
 * 办事指南: the catalog by category → an item's materials, promise, bundle and stages, and
 * the hall's queue services with their windows. Public information: no card needed.
 */
export default function GuideFlow() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  // The shell keeps the catalog fresh under the same key; this shares its copy.
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog });
  const [tab, setTab] = useState<Tab>('items');
  const [category, setCategory] = useState<CatalogCategory | null>(null);
  const [theme, setTheme] = useState<{ open: ThemeKey | null; left: ThemeKey | null }>({ open: null, left: null });
  const [itemCode, setItemCode] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssueTicketResponse | null>(null);
  const items = catalog.data?.items ?? [];
  const item = items.find((i) => i.code === itemCode) ?? null;
  const { setFinished, voice } = session;
  const { say } = voice;

  const spokenFor = useRef<number | null>(null);
  useEffect(() => {
    if (!issued) return;
    setFinished(true);
    // Spoken once per ticket, not again when a reprint replaces it.
    if (spokenFor.current === issued.ticket.id) return;
    spokenFor.current = issued.ticket.id;
    say({ key: 'ticketTaken', number: issued.ticket.number });
  }, [issued, setFinished, say]);

  if (issued) {
    return (
      <ScreenTop screen="ticket">
        <TicketDone
          ticket={issued.ticket}
          progressUrl={issued.progressUrl}
          onReprinted={(ticket, progressUrl) => setIssued({ ticket, progressUrl })}
          onFinish={() => void session.endSession()}
        />
      </ScreenTop>
    );
  }

  const inCategory = items.filter((i) => i.category === category);
  // A shelf of 40-odd items (a community centre's 民生事项) goes by theme.
  const themed = category && goesByTheme(inCategory) ? shelves(inCategory) : null;
  const shelf = themed?.find((s) => s.theme === theme.open);
  const back = item
    ? { label: t('guide.backToItems'), go: () => setItemCode(null) }
    : shelf
      ? { label: t('themes.back'), go: () => setTheme({ open: null, left: shelf.theme }) }
      : category
        ? { label: t('guide.backToCategories'), go: () => setCategory(null) }
        : null;
  const openCategory = (c: CatalogCategory) => {
    setTheme({ open: null, left: null });
    setCategory(c);
  };
  return (
    // A category, a theme, an item or the other tab opens at its top, not where the list was scrolled to.
    <ScreenTop screen={`${tab}/${category ?? ''}/${shelf?.theme ?? ''}/${itemCode ?? ''}`}>
      <div className="guide">
        <div className="guide-tabs" role="group" aria-label={t('guide.sections')}>
          <button type="button" aria-pressed={tab === 'items'} onClick={() => setTab('items')}>
            {t('guide.itemsTab')}
          </button>
          <button type="button" aria-pressed={tab === 'services'} onClick={() => setTab('services')}>
            {t('guide.servicesTab')}
          </button>
        </div>

        {tab === 'services' ? (
          <ServicesList />
        ) : (
          <>
            {back && (
              <button type="button" className="secondary guide-back" onClick={back.go}>
                {back.label}
              </button>
            )}
            {catalog.isPending && <p className="loading">{t('common.loading')}</p>}
            {catalog.isError && (
              <p className="error" role="alert">
                {t('kiosk.errors.network')}
              </p>
            )}
            {item ? (
              <ItemDetail item={item} onTicket={setIssued} />
            ) : category ? (
              <section className="guide-list" aria-labelledby="guide-list-title">
                <h3 id="guide-list-title">
                  {shelf ? t(`themes.${THEMES[shelf.theme].key}.name`) : t(`guide.categories.${CATEGORY_KEY[category]}.name`)}
                </h3>
                {themed && !shelf ? (
                  <ThemeTiles shelves={themed} focus={theme.left} onPick={(open) => setTheme({ open, left: null })} />
                ) : (
                  <div className="tiles">
                    {(shelf?.items ?? inCategory).map((i) => (
                      <button key={i.code} type="button" className="tile" data-item={i.code} onClick={() => setItemCode(i.code)}>
                        <span className="tile-title">{localizeItem(i, i18n.language).name}</span>
                        <span className="tile-hint">
                          {i.promisedWorkingDays === 0
                            ? t('guide.promiseImmediate')
                            : t('guide.promiseDays', { count: i.promisedWorkingDays })}
                        </span>
                      </button>
                    ))}
                  </div>
                )}
              </section>
            ) : (
              catalog.data && (
                <section className="guide-categories" aria-labelledby="guide-categories-title">
                  <h3 id="guide-categories-title">{t('guide.chooseCategory')}</h3>
                  <div className="tiles">
                    {CATEGORIES.map((c) => {
                      const count = items.filter((i) => i.category === c).length;
                      return (
                        <button
                          key={c}
                          type="button"
                          className="tile"
                          data-category={c}
                          disabled={count === 0}
                          onClick={() => openCategory(c)}
                        >
                          <span className="tile-title">{t(`guide.categories.${CATEGORY_KEY[c]}.name`)}</span>
                          <span className="tile-hint">{t(`guide.categories.${CATEGORY_KEY[c]}.hint`)}</span>
                          <span className="tile-count">{count === 0 ? t('guide.noItems') : t('guide.itemCount', { count })}</span>
                        </button>
                      );
                    })}
                  </div>
                </section>
              )
            )}
          </>
        )}
      </div>
    </ScreenTop>
  );
}
