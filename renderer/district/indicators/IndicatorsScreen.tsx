import './indicators.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDistrictSession } from '../session';
import { Dashboard } from './Dashboard';
import { EntrySheet } from './EntrySheet';
import { PeriodBar } from './PeriodBar';
import { TreeEditor } from './TreeEditor';
import { useIndicatorPeriods, useIndicatorTree } from './use-indicators';

const VIEWS = ['dashboard', 'entry', 'tree'] as const;
type View = (typeof VIEWS)[number];

/**
 * 营商环境评价: the district's indicator system. The dashboard (the district's score, the seven
 * categories', the trend, down to each indicator), the entry sheet (units enter a period's
 * figures, the 营商局 reviews them; the platform's own figures computed; a period opened and
 * closed) and the tree (levels 2 and 3 edited against the seed's 7 / 26 / 77). Each offers only
 * what the signed-in role may do; the platform decides again.
 */
export default function IndicatorsScreen() {
  const { t } = useTranslation();
  const session = useDistrictSession();
  const [view, setView] = useState<View>('dashboard');
  const [chosen, setChosen] = useState<string | null>(null);
  const periods = useIndicatorPeriods();
  const tree = useIndicatorTree();
  const list = periods.data?.periods ?? [];
  // The newest period until one is chosen (the list is newest first).
  const period = list.find((p) => p.period === chosen) ?? list[0];
  const error = periods.error ?? tree.error;

  return (
    <section className="dst-section dst-ind" aria-labelledby="dst-ind-title">
      <h2 id="dst-ind-title">{t('dstIndicators.title')}</h2>
      <div className="dst-ind-views" role="group" aria-label={t('dstIndicators.viewsLabel')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className="console-button"
            aria-pressed={view === v}
            data-testid={`dst-ind-view-${v}`}
            onClick={() => setView(v)}
          >
            {t(`dstIndicators.views.${v}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {session.describeError(error)}
        </p>
      )}
      {view !== 'tree' && periods.isSuccess && <PeriodBar periods={list} period={period} onChoose={setChosen} />}
      {view === 'dashboard' && period && tree.data && <Dashboard period={period} tree={tree.data.tree} />}
      {view === 'entry' && period && tree.data && <EntrySheet period={period} tree={tree.data.tree} />}
      {view === 'tree' && tree.data && <TreeEditor view={tree.data} />}
    </section>
  );
}
