import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredComplaint } from '../../../contracts/platform-complaints';
import { formatDateTime } from '../session';
import { maskName, maskPhone } from './contact-mask';
import { STATE_TONES } from './state-tone';
import type { ComplaintDesk } from './use-complaint-desk';

/** The contact, masked until someone asks to call them back (and masked again when the panel closes). */
function Contact({ contact }: { contact: StoredComplaint['contact'] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <dd data-testid="dst-complaint-contact">
      {shown ? `${contact.name} ${contact.phone}` : `${maskName(contact.name)} ${maskPhone(contact.phone)}`}{' '}
      <button type="button" className="console-button dst-small" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? t('dstComplaints.detail.hideContact') : t('dstComplaints.detail.showContact')}
      </button>
    </dd>
  );
}

/** Who complains, about what and where, through which channel, and where it stands. */
export function ComplaintFacts({ complaint, desk }: { complaint: StoredComplaint; desk: ComplaintDesk }) {
  const { t, i18n } = useTranslation();
  const c = complaint;
  return (
    <>
      <dl className="dst-facts">
        <dt>{t('dstComplaints.detail.enterprise')}</dt>
        <dd>
          {c.enterprise.name}
          {c.enterprise.creditCode && <span className="console-muted"> {c.enterprise.creditCode}</span>}
        </dd>
        <dt>{t('dstComplaints.detail.contact')}</dt>
        <Contact contact={c.contact} />
        <dt>{t('dstComplaints.columns.state')}</dt>
        <dd>
          <span className={`console-badge ${STATE_TONES[c.state]}`}>{t(`dstComplaints.states.${c.state}`)}</span>
        </dd>
        <dt>{t('dstComplaints.detail.topic')}</dt>
        <dd>{t(`dstComplaints.topics.${c.topic}`)}</dd>
        <dt>{t('dstComplaints.detail.area')}</dt>
        <dd>{c.area === null ? '—' : desk.unitName(c.area)}</dd>
        <dt>{t('dstComplaints.detail.channel')}</dt>
        <dd>
          {t(`dstComplaints.channels.${c.channel}`)}
          {c.externalRef && <span className="console-muted"> {c.externalRef}</span>}
        </dd>
        <dt>{t('dstComplaints.detail.closeDue')}</dt>
        <dd>{formatDateTime(c.closeDueAt, i18n.language)}</dd>
        {c.leadUnit !== null && (
          <>
            <dt>{t('dstComplaints.detail.leadUnit')}</dt>
            <dd>{desk.unitName(c.leadUnit)}</dd>
          </>
        )}
        {c.coUnits.length > 0 && (
          <>
            <dt>{t('dstComplaints.detail.coUnits')}</dt>
            <dd>{c.coUnits.map((co) => `${desk.unitName(co.unitCode)}${co.part === null ? '' : ' ✓'}`).join('、')}</dd>
          </>
        )}
      </dl>
      <h4>{t('dstComplaints.detail.text')}</h4>
      <p className="dst-complaint-text">{c.text}</p>
      {c.reply && (
        <>
          <h4>{t('dstComplaints.detail.reply')}</h4>
          <p className="dst-complaint-text">
            {c.reply.text}
            <span className="dst-sub">
              {c.reply.name} · {formatDateTime(c.reply.at, i18n.language)}
            </span>
          </p>
        </>
      )}
    </>
  );
}
