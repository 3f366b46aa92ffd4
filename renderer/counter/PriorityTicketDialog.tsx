import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueTicketResponse, Service } from '../../contracts/queue';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { QrImage } from '../ui/QrImage';
import { DeskDialog } from './DeskDialog';
import type { DeskFormat } from './use-desk-format';

type PriorityKind = 'disabled' | 'vip';
const KINDS: readonly PriorityKind[] = ['disabled', 'vip'];
/** Refusals the dialog names; anything else is `generic`. */
const KNOWN = ['service_closed', 'daily_limit_reached', 'service_unknown', 'forbidden', 'network', 'invalid_request'];

/**
 * F9: a priority ticket for a citizen who cannot take one at the kiosk (残疾人, 绿色通道): the
 * service, the priority and an optional note for the audit log. The number comes back large for
 * the clerk to tell the citizen or write down; it prints on the hall kiosk's printer only when the
 * clerk ticks it (and the hall host has a printer), since the paper comes out there.
 */
export default function PriorityTicketDialog({
  windowId,
  services,
  windowServices,
  format,
  onClose,
  onSessionLost,
}: {
  windowId: number;
  services: readonly Service[];
  /** This window's services, offered first. */
  windowServices: readonly string[];
  format: DeskFormat;
  onClose: () => void;
  onSessionLost: (reason: 'unauthorized') => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  // The hall host's devices: whether it has a printer to offer (the counter reads health already).
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, staleTime: 60_000 });
  const hasPrinter = (health.data?.devices ?? []).some((d) => d.kind === 'printer');
  const ordered = [...services].sort(
    (a, b) => Number(!windowServices.includes(a.code)) - Number(!windowServices.includes(b.code)),
  );
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [priority, setPriority] = useState<PriorityKind | null>(null);
  const [note, setNote] = useState('');
  const [print, setPrint] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssueTicketResponse | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (serviceCode === null || priority === null) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const words = note.trim();
      setIssued(
        await api.issueCounterTicket(windowId, { serviceCode, priority, print, ...(words === '' ? {} : { note: words }) }),
      );
    } catch (error) {
      const code = error instanceof ApiClientError ? error.code : 'generic';
      if (code === 'unauthorized') onSessionLost('unauthorized');
      else setProblem(KNOWN.includes(code) ? code : 'generic');
    } finally {
      setBusy(false);
    }
  };

  if (issued) {
    const { ticket, progressUrl } = issued;
    return (
      <DeskDialog labelledBy="cd-priority-title" onClose={onClose} className="cd-priority" testId="priority-dialog">
        <h2 id="cd-priority-title">{t('counterPriority.issuedTitle')}</h2>
        <div className="cd-priority-issued">
          <div>
            <p className="cd-priority-number" data-testid="priority-number">
              {ticket.number}
            </p>
            <p className="cd-priority-what">
              {format.serviceName(ticket.serviceCode, ticket.serviceName)} · {t(`counterUi.priority.${ticket.priorityClass}`)}
            </p>
            <p role="status" data-testid="priority-print">
              {ticket.printStatus === 'printed'
                ? t('counterPriority.printed')
                : ticket.printStatus === 'failed'
                  ? t('counterPriority.printFailed')
                  : t('counterPriority.tellNumber')}
            </p>
          </div>
          <QrImage text={progressUrl} label={t('counterPriority.qr', { number: ticket.number })} size={180} />
        </div>
        <div className="cd-dialog-buttons">
          <button type="button" className="cd-primary" onClick={onClose}>
            {t('counterPriority.done')}
          </button>
        </div>
      </DeskDialog>
    );
  }

  return (
    <DeskDialog labelledBy="cd-priority-title" onClose={onClose} className="cd-priority" testId="priority-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="cd-priority-title">{t('counterPriority.title')}</h2>
        <div className="cd-transfer-columns">
          <fieldset className="cd-choices">
            <legend>{t('counterPriority.service')}</legend>
            {ordered.map((s) => (
              <label key={s.code} className="cd-choice">
                <input
                  type="radio"
                  name="service"
                  value={s.code}
                  checked={serviceCode === s.code}
                  onChange={() => {
                    setServiceCode(s.code);
                    setMissing(false);
                  }}
                />
                <span className="cd-choice-text">
                  <span className="cd-choice-title">{format.serviceName(s.code, s.name)}</span>
                  <span className="cd-choice-hint">
                    {s.open ? t('counterUi.transferDialog.waiting', { count: s.waiting }) : t('counterPriority.closed')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="cd-priority-side">
            <fieldset className="cd-choices">
              <legend>{t('counterPriority.kind')}</legend>
              {KINDS.map((kind) => (
                <label key={kind} className="cd-choice">
                  <input
                    type="radio"
                    name="priority"
                    value={kind}
                    checked={priority === kind}
                    onChange={() => {
                      setPriority(kind);
                      setMissing(false);
                    }}
                  />
                  <span className="cd-choice-text">
                    <span className="cd-choice-title">{t(`counterUi.priority.${kind}`)}</span>
                    <span className="cd-choice-hint">{t(`counterPriority.kindHints.${kind}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="cd-priority-note">
              {t('counterPriority.note')}
              <input
                value={note}
                maxLength={100}
                onChange={(e) => setNote(e.target.value)}
                aria-describedby="cd-priority-note-hint"
              />
            </label>
            <p id="cd-priority-note-hint" className="cd-hint">
              {t('counterPriority.noteHint')}
            </p>
            {hasPrinter && (
              <label className="cd-priority-print">
                <input type="checkbox" checked={print} onChange={(e) => setPrint(e.target.checked)} />
                {t('counterPriority.print')}
              </label>
            )}
          </div>
        </div>
        {missing && (
          <p className="cd-error" role="alert">
            {t('counterPriority.pickBoth')}
          </p>
        )}
        {problem && (
          <p className="cd-error" role="alert" data-testid="priority-error">
            {t(`counterPriority.errors.${problem}`)}
          </p>
        )}
        <div className="cd-dialog-buttons">
          <button type="button" className="cd-secondary" onClick={onClose}>
            {t('counterPriority.cancel')}
          </button>
          <button type="submit" className="cd-primary" disabled={busy}>
            {busy ? t('counterPriority.issuing') : t('counterPriority.issue')}
          </button>
        </div>
      </form>
    </DeskDialog>
  );
}
