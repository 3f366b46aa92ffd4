import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service, Ticket, TransferRequest, Window } from '../../contracts/queue';
import { DeskDialog } from './DeskDialog';
import type { DeskFormat } from './use-desk-format';

type Target = { kind: 'service'; code: string } | { kind: 'window'; id: number };

/**
 * F6: sends the current citizen to another service's queue or to a named
 * window. Whether the ticket keeps its place in time is the hall's policy
 * (QueuePolicy.transferKeepsTime), applied by the host. 办完后返回 (转办并返回) sends it for one
 * step: finished there, it comes back to the head of this window's queue.
 */
export function TransferDialog({
  ticket,
  services,
  windows,
  fromWindowId,
  format,
  onConfirm,
  onClose,
}: {
  ticket: Ticket;
  services: readonly Service[];
  windows: readonly Window[];
  fromWindowId: number;
  format: DeskFormat;
  onConfirm: (to: TransferRequest, label: { service?: string; window?: number; returnAfter: boolean }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target | null>(null);
  const [missing, setMissing] = useState(false);
  const [returnAfter, setReturnAfter] = useState(false);
  const otherServices = services.filter((s) => s.code !== ticket.serviceCode);
  const otherWindows = windows.filter((w) => w.id !== fromWindowId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!target) {
      setMissing(true);
      return;
    }
    if (target.kind === 'service')
      onConfirm({ toService: target.code, returnAfter }, { service: format.serviceName(target.code), returnAfter });
    else
      onConfirm(
        { toWindowId: target.id, returnAfter },
        { window: windows.find((w) => w.id === target.id)?.number ?? target.id, returnAfter },
      );
  };
  const pick = (next: Target) => {
    setTarget(next);
    setMissing(false);
  };

  return (
    <DeskDialog labelledBy="cd-transfer-title" onClose={onClose} className="cd-transfer" testId="transfer-dialog">
      <form onSubmit={submit}>
        <h2 id="cd-transfer-title">{t('counterUi.transferDialog.title', { number: ticket.number })}</h2>
        <div className="cd-transfer-columns">
          <fieldset className="cd-choices">
            <legend>{t('counterUi.transferDialog.toService')}</legend>
            {otherServices.map((s) => (
              <label key={s.code} className="cd-choice">
                <input
                  type="radio"
                  name="target"
                  value={`service:${s.code}`}
                  checked={target?.kind === 'service' && target.code === s.code}
                  onChange={() => pick({ kind: 'service', code: s.code })}
                />
                <span className="cd-choice-text">
                  <span className="cd-choice-title">{format.serviceName(s.code, s.name)}</span>
                  <span className="cd-choice-hint">{t('counterUi.transferDialog.waiting', { count: s.waiting })}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="cd-choices">
            <legend>{t('counterUi.transferDialog.toWindow')}</legend>
            {otherWindows.map((w) => (
              <label key={w.id} className="cd-choice">
                <input
                  type="radio"
                  name="target"
                  value={`window:${w.id}`}
                  checked={target?.kind === 'window' && target.id === w.id}
                  onChange={() => pick({ kind: 'window', id: w.id })}
                />
                <span className="cd-choice-text">
                  <span className="cd-choice-title">{t('counterUi.windowLabel', { number: w.number, name: w.name })}</span>
                  <span className="cd-choice-hint">
                    {w.staffName
                      ? t('counterUi.transferDialog.staffed', { name: w.staffName })
                      : t('counterUi.transferDialog.unstaffed')}
                    {w.paused ? ` · ${t('counterUi.transferDialog.paused')}` : ''}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <label className="cd-return-after">
          <input
            type="checkbox"
            checked={returnAfter}
            onChange={(e) => setReturnAfter(e.target.checked)}
            data-testid="transfer-return-after"
          />
          <span>
            <span className="cd-choice-title">{t('counterUi.transferDialog.returnAfter')}</span>
            <span className="cd-choice-hint">{t('counterUi.transferDialog.returnAfterHint')}</span>
          </span>
        </label>
        {missing && (
          <p className="cd-error" role="alert">
            {t('counterUi.transferDialog.pickOne')}
          </p>
        )}
        <p className="cd-hint">{t('counterUi.transferDialog.hint')}</p>
        <div className="cd-dialog-buttons">
          <button type="button" className="cd-secondary" onClick={onClose}>
            {t('counterUi.transferDialog.cancel')}
          </button>
          <button type="submit" className="cd-primary">
            {t('counterUi.transferDialog.confirm')}
          </button>
        </div>
      </form>
    </DeskDialog>
  );
}
