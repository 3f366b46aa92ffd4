import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../contracts/cases';
import type { CaseStatus } from '../../../contracts/central-api';
import { CaseWizard } from './case-form/CaseWizard';
import { CatalogItems } from './case-form/CatalogItems';
import { localizeItem } from './catalog-text';

/** The path a complaint takes when the catalog does not say (受理 → 办理 → 办结). */
const DEFAULT_STAGES: readonly CaseStatus[] = ['accepted', 'in_progress', 'completed'];
const EXPLAINED_STAGES: readonly CaseStatus[] = ['accepted', 'in_progress', 'completed'];

/** 营商诉求: what happens to a complaint and by when, then the same form engine as 办事申报. */
export default function ComplaintFlow() {
  const { t } = useTranslation();
  return (
    <CaseWizard
      flow="complaint"
      stepLabels={{
        choose: t('complaint.steps.choose'),
        form: t('complaint.steps.form'),
        materials: t('complaint.steps.materials'),
        confirm: t('complaint.steps.confirm'),
        done: t('complaint.steps.done'),
      }}
      headings={{
        choose: t('complaint.intro.title'),
        form: t('complaint.steps.form'),
        materials: t('complaint.materialsTitle'),
        confirm: t('complaint.confirmTitle'),
        done: t('complaint.doneTitle'),
      }}
      sayChoose={{ key: 'complaintIntro' }}
      offerSteward={false}
      numberLabel={t('complaint.number')}
      choose={(pick) => <ComplaintIntro onPick={pick} />}
    />
  );
}

function ComplaintIntro({ onPick }: { onPick: (item: CatalogViewItem) => void }) {
  const { t } = useTranslation();
  return (
    <CatalogItems categories={['complaint']} empty={t('complaint.intro.none')}>
      {(items) => <ComplaintItems items={items} onPick={onPick} />}
    </CatalogItems>
  );
}

function ComplaintItems({ items, onPick }: { items: CatalogViewItem[]; onPick: (item: CatalogViewItem) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="complaint-intro">
      {items.map((item) => {
        const stages = item.stages && item.stages.length > 0 ? item.stages : DEFAULT_STAGES;
        // Shown in the citizen's language; the wizard gets the item as the catalog has it.
        const shown = localizeItem(item, i18n.language);
        return (
          <article key={item.code} className="case-bundle complaint-item" aria-labelledby={`complaint-${item.code}`}>
            <h4 id={`complaint-${item.code}`}>{shown.name}</h4>
            {shown.description && <p className="case-intro">{shown.description}</p>}
            <p className="complaint-path-title">{t('complaint.intro.pathTitle')}</p>
            <ol className="complaint-path">
              {stages.map((stage, index) => (
                <li key={stage}>
                  <span className="complaint-path-step" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="complaint-path-name">{t(`case.status.${stage}`)}</span>
                  {EXPLAINED_STAGES.includes(stage) && (
                    <span className="complaint-path-when">
                      {t(`complaint.intro.when.${stage}`, { count: item.promisedWorkingDays })}
                    </span>
                  )}
                </li>
              ))}
            </ol>
            <p className="case-note">{t('complaint.intro.privacy')}</p>
            <button type="button" className="primary big" onClick={() => onPick(item)}>
              {items.length > 1 ? t('complaint.intro.startNamed', { name: shown.name }) : t('complaint.intro.start')}
            </button>
          </article>
        );
      })}
    </div>
  );
}
