import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateTicketDetails, type IssueTicketResponse, type Ticket } from '../../../contracts/queue';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { DuplicateTicket } from '../DuplicateTicket';
import { ServicePicker } from '../ServicePicker';
import { useKioskSession } from '../shell/session';
import { TicketDone } from '../TicketDone';

const KNOWN_ERRORS = ['no_identity', 'duplicate_ticket', 'daily_limit_reached', 'service_closed', 'slot_full', 'network'];

/** 取号: choose a service, see who is ahead, take the (printed or on-screen) ticket. */
export default function TicketFlow() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useKioskSession();
  const [issued, setIssued] = useState<IssueTicketResponse | null>(null);
  // The number this card already holds for the chosen service (a second one is refused).
  const [held, setHeld] = useState<Ticket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (result: IssueTicketResponse) => {
    setHeld(null);
    setIssued(result);
    session.setFinished(true);
  };

  const take = async (serviceCode: string) => {
    setError(null);
    setBusy(true);
    try {
      // With a card the one-ticket rule and elder priority apply; without one it is a plain ticket.
      const result = await api.issueTicket({ serviceCode, withIdentity: session.citizen !== null });
      show(result);
      session.voice.say({ key: 'ticketTaken', number: result.ticket.number });
    } catch (e) {
      const code = e instanceof ApiClientError ? e.code : 'generic';
      const duplicate =
        code === 'duplicate_ticket' ? DuplicateTicketDetails.safeParse(e instanceof ApiClientError ? e.details : null) : null;
      if (duplicate?.success && duplicate.data.ticket !== null) setHeld(duplicate.data.ticket);
      else setError(t(`kiosk.errors.${KNOWN_ERRORS.includes(code) ? code : 'generic'}`));
    } finally {
      setBusy(false);
    }
  };

  if (issued) {
    return (
      <TicketDone
        ticket={issued.ticket}
        progressUrl={issued.progressUrl}
        onReprinted={(ticket, progressUrl) => setIssued({ ticket, progressUrl })}
        onFinish={() => void session.endSession()}
      />
    );
  }
  if (held) return <DuplicateTicket ticket={held} onReprinted={show} onFinish={() => void session.endSession()} />;
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ServicePicker busy={busy} onPick={(code) => void take(code)} />
    </>
  );
}
