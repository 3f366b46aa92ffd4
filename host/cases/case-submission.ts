import type { LocalCase, SubmitCaseInput, SubmitCaseResponse, UploadMaterialPageResponse } from '../../contracts/cases';
import type { IssueTicketResponse } from '../../contracts/queue';
import { HostError } from '../errors/host-error';
import type { IdentitySessions } from '../identity/identity-sessions';
import type { CaseService } from './case-service';
import type { MaterialPages } from './material-pages';
import type { StewardCaller } from './steward-desk';

/** Steward tickets: the hall's own desk, or the hall's through the link on a secondary kiosk. */
export interface StewardRequests {
  request(caller: StewardCaller): Promise<IssueTicketResponse>;
  /**
   * Whether the tickets are this host's (then the case links its ticket, and its progress page
   * names the steward who called it); a secondary kiosk's are the hall's, in another database.
   */
  ticketsAreLocal(): boolean;
}

export interface CaseSubmissionOptions {
  cases: CaseService;
  /** The card on the reader: its unmasked data for the case, its queue key and age for the ticket. */
  identity: Pick<IdentitySessions, 'currentCard' | 'queueCaller'>;
  steward: StewardRequests;
  /** The case's progress link (its receipt's QR), for the kiosk to show. */
  progressUrl: (localCase: LocalCase) => string;
  /** The pages the card session captured (the route's `uploadMaterialPage`). */
  pages: MaterialPages;
}

/**
 * A case submitted at the kiosk together with the steward ticket it may ask for (首席服务管家).
 * The case is saved first, whatever happens to the ticket: a ticket that cannot be issued now
 * (closed hours, no steward service) is reported as `stewardProblem`, and staff see the flag on
 * the case. A ticket issued in this host's own queue is linked to the case, so the case's
 * progress names the steward who called it.
 */
export class CaseSubmission {
  constructor(private readonly o: CaseSubmissionOptions) {}

  /** Holds one captured page (a JPEG) for the card on the reader until its case names it. */
  uploadPage(bytes: Uint8Array): UploadMaterialPageResponse {
    return this.o.pages.upload(bytes);
  }

  async submit(input: SubmitCaseInput): Promise<SubmitCaseResponse> {
    const { cases, identity, steward } = this.o;
    const card = identity.currentCard();
    if (card === null) throw new HostError('no_identity', '请先刷身份证');
    const saved = cases.submit(input, card, this.o.pages);
    const progressUrl = this.o.progressUrl(saved);
    if (!saved.stewardRequested) return { case: saved, progressUrl, stewardTicket: null, stewardProblem: null };
    try {
      const stewardTicket = await steward.request(identity.queueCaller());
      if (steward.ticketsAreLocal()) cases.linkStewardTicket(saved.id, stewardTicket.ticket.id);
      return { case: cases.localCase(saved.id), progressUrl, stewardTicket, stewardProblem: null };
    } catch (error) {
      if (!(error instanceof HostError)) throw error;
      return { case: saved, progressUrl, stewardTicket: null, stewardProblem: error.code };
    }
  }

  /** 首席服务管家 without a case: an enterprise asks for help before it knows what to file. */
  requestSteward(): Promise<IssueTicketResponse> {
    return this.o.steward.request(this.o.identity.queueCaller());
  }
}
