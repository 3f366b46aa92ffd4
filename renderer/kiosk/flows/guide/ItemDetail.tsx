import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogViewItem } from '../../../../contracts/cases';
import type { IssueTicketResponse } from '../../../../contracts/queue';
import { ApiClientError } from '../../../api/client';
import { useApi } from '../../../api/context';
import { useKioskSession } from '../../shell/session';
import { localizeItem } from '../catalog-text';
import { applyHintKey, CATEGORY_KEY, HANDLED_AT_KEY, QUEUE_SERVICE_OF } from './catalog';
import { ServiceCard } from './ServiceCard';

/** The ticket errors the host can answer POST /tickets with; the kiosk's shared messages name them. */
const TICKET_ERRORS = ['no_identity', 'duplicate_ticket', 'daily_limit_reached', 'service_closed', 'slot_full', 'network'];

/**
 * 办事指南 of one item: what it is, what to bring (必交 / 视情形), how long the hall promises,
 * what a bundle covers, the stages of a complaint, and where in the hall it is handled, with
 * a "take a number" button when its queue service is open.
 */
export function ItemDetail({
  item: fromCatalog,
  onTicket,
}: {
  item: CatalogViewItem;
  onTicket: (issued: IssueTicketResponse) => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  // Names, description, materials and bundle parts in the citizen's language.
  const item = localizeItem(fromCatalog, i18n.language);
  const session = useKioskSession();
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  const windows = useQuery({ queryKey: ['windows'], queryFn: api.windows });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const serviceCode = QUEUE_SERVICE_OF[item.category];
  const service = services.data?.services.find((s) => s.code === serviceCode);
  const required = item.materials.filter((m) => m.required);
  const optional = item.materials.filter((m) => !m.required);
  const prefilled = item.formFields.filter((f) => f.prefill !== undefined).length;

  const takeNumber = async () => {
    if (!service) return;
    setError(null);
    setBusy(true);
    try {
      // With a card the one-ticket rule and elder priority apply, as at the ticket tiles.
      onTicket(await api.issueTicket({ serviceCode: service.code, withIdentity: session.citizen !== null }));
    } catch (e) {
      const code = e instanceof ApiClientError ? e.code : 'generic';
      setError(t(`kiosk.errors.${TICKET_ERRORS.includes(code) ? code : 'generic'}`));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="guide-item" aria-labelledby="guide-item-title" data-testid="guide-item">
      <header className="guide-item-head">
        <p className="guide-item-category">{t(`guide.categories.${CATEGORY_KEY[item.category]}.name`)}</p>
        <h3 id="guide-item-title">{item.name}</h3>
        {item.description && <p className="guide-item-description">{item.description}</p>}
        <ul className="guide-facts">
          <li>
            <span className="fact-label">{t('guide.promise')}</span>
            <strong data-testid="guide-promise">
              {item.promisedWorkingDays === 0
                ? t('guide.promiseImmediate')
                : t('guide.promiseDays', { count: item.promisedWorkingDays })}
            </strong>
          </li>
          {item.handledAt && (
            <li data-testid="guide-handled-at">
              <span className="fact-label">{t('guide.handledAt.label')}</span>
              <strong>{t(`guide.handledAt.${HANDLED_AT_KEY[item.handledAt]}`)}</strong>
            </li>
          )}
          {prefilled > 0 && (
            <li>
              <span className="fact-label">{t('guide.zeroForm')}</span>
              <strong>{t('guide.prefilled', { count: prefilled })}</strong>
            </li>
          )}
        </ul>
      </header>

      {item.bundle && item.bundle.length > 0 && (
        <section className="guide-section guide-bundle" aria-labelledby="guide-bundle-title">
          <h4 id="guide-bundle-title">{t('guide.bundleTitle', { count: item.bundle.length })}</h4>
          <ol data-testid="guide-bundle">
            {item.bundle.map((part, index) => (
              <li key={part.code}>
                <span className="bundle-step" aria-hidden="true">
                  {index + 1}
                </span>
                {part.name}
              </li>
            ))}
          </ol>
          <p className="guide-note">{t('guide.bundleNote')}</p>
        </section>
      )}

      {item.stages && item.stages.length > 0 && (
        <section className="guide-section guide-stages" aria-labelledby="guide-stages-title">
          <h4 id="guide-stages-title">{t('guide.stagesTitle')}</h4>
          <ol data-testid="guide-stages">
            {item.stages.map((stage) => (
              <li key={stage}>{t(`guide.stages.${stage}`)}</li>
            ))}
          </ol>
          <p className="guide-note">{t('guide.stagesNote', { count: item.promisedWorkingDays })}</p>
        </section>
      )}

      <section className="guide-section guide-materials" aria-labelledby="guide-materials-title">
        <h4 id="guide-materials-title">{t('guide.materialsTitle')}</h4>
        {item.materials.length === 0 ? (
          <p>{t('guide.noMaterials')}</p>
        ) : (
          <div className="materials-columns">
            {required.length > 0 && (
              <div>
                <h5>{t('guide.required')}</h5>
                <ul className="materials required" data-testid="guide-required">
                  {required.map((m) => (
                    <li key={m.code}>{m.name}</li>
                  ))}
                </ul>
              </div>
            )}
            {optional.length > 0 && (
              <div>
                <h5>{t('guide.optional')}</h5>
                <ul className="materials optional" data-testid="guide-optional">
                  {optional.map((m) => (
                    <li key={m.code}>{m.name}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
        <p className="guide-note">{t(applyHintKey(item.category))}</p>
      </section>

      {service && (
        <section className="guide-section guide-where" aria-labelledby="guide-where-title">
          <h4 id="guide-where-title">{t('guide.whereTitle')}</h4>
          <ServiceCard service={service} windows={windows.data?.windows ?? []} headingLevel={4} />
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="primary big" disabled={!service.open || busy} onClick={() => void takeNumber()}>
            {t('guide.takeNumber', { service: i18n.language === 'en' ? service.nameEn : service.name })}
          </button>
        </section>
      )}
    </article>
  );
}
