import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitCaseResponse } from '../../../../contracts/cases';
import { useApi } from '../../../api/context';
import { QrImage } from '../../../ui/QrImage';
import { useKioskSession } from '../../shell/session';
import { TakeCardNote } from '../../shell/TakeCardReminder';
import { localizeItem } from '../catalog-text';
import { formatDay, localReference } from './format';

/**
 * How long the done screen waits for the central case number before printing the receipt
 * anyway. The host delivers a case within seconds when the central API is up, and a receipt
 * with the real number saves the citizen a lookup; offline, the kiosk's reference is printed.
 */
const RECEIPT_WAIT_MS = 6_000;
/** Refetch the case while its number is still outstanding. */
const NUMBER_POLL_MS = 2_000;

const STEWARD_PROBLEMS = ['steward_unavailable', 'service_closed', 'daily_limit_reached', 'slot_full', 'service_unknown'];

type Receipt = 'waiting' | 'printing' | 'printed' | 'failed';

/**
 * 提交成功: the case number (or, before the central API answered, the kiosk's reference), the
 * promised dates, the steward's ticket, and the 受理回执 printed by itself — or, when the
 * printer fails, a QR of the case's progress page and a reprint button.
 */
export function CaseDone({
  result,
  numberLabel,
  onFinish,
}: {
  result: SubmitCaseResponse;
  numberLabel?: string | undefined;
  onFinish: () => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const submitted = result.case;
  const progress = useQuery({
    queryKey: ['case-local-progress', submitted.id],
    queryFn: () => api.localCaseProgress(submitted.id),
    refetchInterval: (query) => (query.state.data?.caseNumber ? false : NUMBER_POLL_MS),
  });
  // The case keeps the item's Chinese name; in English the catalog's English name is shown.
  const catalog = useQuery({ queryKey: ['catalog'], queryFn: api.catalog });
  const catalogItem = catalog.data?.items.find((i) => i.code === submitted.itemCode);
  const itemName = i18n.language === 'en' && catalogItem ? localizeItem(catalogItem, i18n.language).name : submitted.itemName;
  const caseNumber = progress.data?.caseNumber ?? submitted.caseNumber;
  const deadlines = progress.data?.deadlines ?? submitted.deadlines;
  const steward = progress.data?.steward ?? submitted.steward;
  const [receipt, setReceipt] = useState<Receipt>('waiting');
  const [waited, setWaited] = useState(false);
  const printStarted = useRef(false);
  const { setFinished } = session;
  // say() changes only with the language or mute, so the line is not repeated when 长辈版 is switched.
  const { say } = session.voice;

  useEffect(() => {
    // The citizen may take the card now: this screen stays until they are done or idle.
    setFinished(true);
  }, [setFinished]);
  useEffect(() => {
    const timer = window.setTimeout(() => setWaited(true), RECEIPT_WAIT_MS);
    return () => window.clearTimeout(timer);
  }, []);

  const caseId = submitted.id;
  const print = useCallback(async () => {
    setReceipt('printing');
    try {
      const printed = await api.printReceipt(caseId);
      setReceipt(printed.printed ? 'printed' : 'failed');
    } catch {
      // The case is submitted whatever the printer or the network says: show the QR instead.
      setReceipt('failed');
    }
  }, [api, caseId]);

  useEffect(() => {
    // Once per case, automatically; the ref also keeps a re-run from printing twice.
    if (printStarted.current || (caseNumber === null && !waited)) return;
    printStarted.current = true;
    void print();
  }, [caseNumber, waited, print]);

  useEffect(() => {
    if (receipt === 'printed') say({ key: 'casePrinted' });
    if (receipt === 'failed') say({ key: 'casePrintFailed' });
  }, [receipt, say]);

  const accepted = deadlines.find((d) => d.stage === 'accepted');
  const completed = deadlines.find((d) => d.stage === 'completed');
  const stewardNumber = result.stewardTicket?.ticket.number ?? steward?.ticketNumber ?? null;
  // The receipt's own link: the hall's public address and the link's tag, as the paper prints it.
  const progressUrl = result.progressUrl;

  return (
    <div className="case-done">
      <p className="case-done-item">{itemName}</p>
      <section className="case-done-number" aria-live="polite">
        {caseNumber !== null ? (
          <>
            <p className="case-done-label">{numberLabel ?? t('case.done.caseNumber')}</p>
            <p className="case-number" data-testid="case-number">
              {caseNumber}
            </p>
          </>
        ) : (
          <>
            <p className="case-done-label">{t('case.done.localRef')}</p>
            <p className="case-number case-number-local" data-testid="case-local-ref">
              {localReference(submitted.id)}
            </p>
            <p className="case-note">{t('case.done.pendingNumber')}</p>
          </>
        )}
      </section>
      {(accepted || completed) && (
        <section className="case-panel" aria-labelledby="case-done-deadlines">
          <h4 id="case-done-deadlines">{t('case.done.deadlines')}</h4>
          <ul className="case-deadlines">
            {accepted && (
              <li>
                <span>{t('case.deadline.accepted')}</span>
                <strong>{t('case.done.due', { date: formatDay(accepted.due, i18n.language) })}</strong>
              </li>
            )}
            {completed && (
              <li>
                <span>{t('case.deadline.completed')}</span>
                <strong>{t('case.done.due', { date: formatDay(completed.due, i18n.language) })}</strong>
              </li>
            )}
          </ul>
        </section>
      )}
      {submitted.stewardRequested && (
        <section className="case-panel case-done-steward" aria-labelledby="case-done-steward">
          <h4 id="case-done-steward">{t('case.done.steward')}</h4>
          {stewardNumber !== null ? (
            <>
              <p className="case-steward-number" data-testid="steward-number">
                {stewardNumber}
              </p>
              <p>
                {result.stewardTicket?.ticket.printStatus === 'failed'
                  ? t('case.done.stewardNoteUnprinted')
                  : t('case.done.stewardNote')}
              </p>
            </>
          ) : (
            <p className="case-warning">
              {t(
                `case.done.stewardProblem.${STEWARD_PROBLEMS.includes(result.stewardProblem ?? '') ? result.stewardProblem : 'generic'}`,
              )}
            </p>
          )}
        </section>
      )}
      <section className="case-receipt" data-testid="receipt-status" aria-live="polite">
        {(receipt === 'waiting' || receipt === 'printing') && <p className="case-note">{t('case.done.printing')}</p>}
        {receipt === 'printed' && <p className="case-receipt-ok">{t('case.done.printed')}</p>}
        {receipt === 'failed' && (
          <div className="print-failed" data-testid="print-failed">
            <p>{t('case.done.printFailed')}</p>
            <QrImage text={progressUrl} label={t('case.done.receiptQr')} />
            <button type="button" className="secondary" onClick={() => void print()}>
              {t('case.done.reprint')}
            </button>
          </div>
        )}
      </section>
      <TakeCardNote cardOnReader={session.cardOnReader} />
      <button type="button" className="primary big" onClick={onFinish}>
        {t('case.done.finish')}
      </button>
    </div>
  );
}
