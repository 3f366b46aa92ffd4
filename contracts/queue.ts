import { z } from 'zod';
import { WeeklyHours } from './config';

export const ServiceCode = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/);

/** Why a ticket is served ahead of others (the appointment, elder, disabled and green-channel rules). */
export const PriorityClass = z.enum(['normal', 'appointment', 'elderly', 'disabled', 'vip']);
export type PriorityClass = z.infer<typeof PriorityClass>;

/**
 * How a priority ticket says why it goes first, on the paper ticket and the kiosk's screen (the
 * Chinese words are the hall's; the kiosk's English comes from its messages). Normal: nothing.
 */
export const PRIORITY_LABEL_ZH: Readonly<Record<PriorityClass, string | null>> = {
  normal: null,
  appointment: '预约优先',
  elderly: '长者优先',
  disabled: '残障人士优先',
  vip: '绿色通道',
};

/** A service (事项 category) citizens queue for. */
export const Service = z.object({
  code: ServiceCode,
  name: z.string(),
  nameEn: z.string(),
  prefix: z.string().regex(/^[A-Z]$/),
  /** Issuing now: within opening hours, not suspended, numbers left. */
  open: z.boolean(),
  /** Why not open: closed hours, suspended by a supervisor, or today's numbers gone. */
  closedReason: z.enum(['hours', 'suspended', 'sold_out']).nullable(),
  waiting: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  materials: z.string(),
  /** When tickets are issued: the service's own hours, else the hall's (hall time zone). */
  hours: WeeklyHours,
  /**
   * Closed for the hours or sold out today: when it issues numbers again (within a week), so
   * the kiosk says "下次开放：周一 08:30" rather than only greying the tile. Null otherwise.
   */
  nextOpening: z.iso.datetime().nullable(),
});
export type Service = z.infer<typeof Service>;

export const ServiceList = z.object({ services: z.array(Service) });
export type ServiceList = z.infer<typeof ServiceList>;

export const TicketStatus = z.enum(['waiting', 'called', 'held', 'finished', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Open: the citizen still has business with the queue (one open ticket per card per service). */
export const OPEN_TICKET_STATUSES: ReadonlySet<TicketStatus> = new Set(['waiting', 'called', 'held']);

export const Outcome = z.enum(['done', 'needs_materials', 'referred', 'not_handled']);
export type Outcome = z.infer<typeof Outcome>;

/** `none` until the printer answered (or for a ticket no printer was asked to print). */
export const PrintStatus = z.enum(['none', 'printed', 'failed']);
export type PrintStatus = z.infer<typeof PrintStatus>;

export const TicketNumber = z.string().regex(/^[A-Z]\d{3,4}$/);

export const Ticket = z.object({
  id: z.number().int().positive(),
  number: TicketNumber,
  serviceCode: ServiceCode,
  serviceName: z.string(),
  status: TicketStatus,
  priorityClass: PriorityClass,
  issuedAt: z.iso.datetime(),
  /** Hall-local business day, YYYY-MM-DD (Asia/Shanghai by default). */
  businessDay: z.iso.date(),
  peopleAhead: z.number().int().nonnegative(),
  estimatedWaitMinutes: z.number().int().nonnegative(),
  calledAt: z.iso.datetime().nullable(),
  windowNumber: z.number().int().positive().nullable(),
  recallCount: z.number().int().nonnegative(),
  skipCount: z.number().int().nonnegative(),
  outcome: Outcome.nullable(),
  /** Whether the paper ticket came out; a failed one is shown on screen and can be reprinted. */
  printStatus: PrintStatus,
});
export type Ticket = z.infer<typeof Ticket>;

/** The ticket as its QR link shows it to the citizen's phone: no personal data, no identity key. */
export const TicketProgressQuery = z.object({ k: z.string().min(8).max(64) });
export const TicketIdParams = z.object({ ticketId: z.coerce.number().int().positive() });

export const Window = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string(),
  services: z.array(ServiceCode),
  paused: z.boolean(),
  staffName: z.string().nullable(),
  /** The ticket being served (called or held) at this window. */
  current: Ticket.nullable(),
  held: z.array(Ticket),
});
export type Window = z.infer<typeof Window>;
export const WindowList = z.object({ windows: z.array(Window) });
export type WindowList = z.infer<typeof WindowList>;

export const IssueTicketRequest = z.object({
  serviceCode: ServiceCode,
  /** Take the ticket with the identity session on the reader (else anonymous, where allowed). */
  withIdentity: z.boolean().default(true),
  /** Disabled and green-channel priority are granted by staff (a bearer token is required). */
  priority: z.enum(['disabled', 'vip']).optional(),
});
export type IssueTicketRequest = z.input<typeof IssueTicketRequest>;

/**
 * `duplicate_ticket`'s details: the open ticket the card already holds for the service (its
 * number, status and people ahead), for the card's holder only; the kiosk shows it and offers
 * a reprint.
 */
export const DuplicateTicketDetails = z.object({ ticket: Ticket.nullable() });
export type DuplicateTicketDetails = z.infer<typeof DuplicateTicketDetails>;

/**
 * A citizen who lost their paper ticket prints it again with the card that took it: the card on
 * the reader is the proof, so no ticket id is needed (or could be guessed).
 */
export const ReprintMineRequest = z.object({ serviceCode: ServiceCode });
export type ReprintMineRequest = z.infer<typeof ReprintMineRequest>;

/** The issued ticket and the link its QR carries (shown on screen when the print failed). */
export const IssueTicketResponse = z.object({ ticket: Ticket, progressUrl: z.string() });
export type IssueTicketResponse = z.infer<typeof IssueTicketResponse>;

export const Call = z.object({
  ticketId: z.number().int().positive(),
  ticketNumber: TicketNumber,
  serviceCode: ServiceCode,
  serviceName: z.string(),
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
  calledAt: z.iso.datetime(),
  /** 0 for the first call, n for the n-th recall (重呼). */
  recall: z.number().int().nonnegative(),
});
export type Call = z.infer<typeof Call>;

export const CallNextResponse = z.object({ call: Call });
export type CallNextResponse = z.infer<typeof CallNextResponse>;

export const RecentCalls = z.object({ calls: z.array(Call) });
export type RecentCalls = z.infer<typeof RecentCalls>;
/** How many of the latest calls to list (the hall display shows a few). */
export const RecentCallsQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const WindowParams = z.object({ windowId: z.coerce.number().int().positive() });
export const TicketParams = z.object({
  windowId: z.coerce.number().int().positive(),
  ticketId: z.coerce.number().int().positive(),
});

export const TransferRequest = z
  .object({ toService: ServiceCode.optional(), toWindowId: z.number().int().positive().optional() })
  .refine((r) => (r.toService === undefined) !== (r.toWindowId === undefined), {
    message: 'transfer to exactly one of toService or toWindowId',
  });
export type TransferRequest = z.infer<typeof TransferRequest>;

export const FinishRequest = z.object({ outcome: Outcome.default('done') });
export type FinishRequest = z.input<typeof FinishRequest>;

export const PauseRequest = z.object({ paused: z.boolean() });

export const TicketResponse = z.object({ ticket: Ticket });
export type TicketResponse = z.infer<typeof TicketResponse>;

export const WaitingList = z.object({ tickets: z.array(Ticket) });
export type WaitingList = z.infer<typeof WaitingList>;

/** The ticket whose holder was asked for a rating (好差评) at the window. */
export const EvaluationRequested = z.object({ ticketId: z.number().int() });
export type EvaluationRequested = z.infer<typeof EvaluationRequested>;

/**
 * A priority ticket a clerk issues at the counter for a citizen who cannot queue at the kiosk (a
 * wheelchair user, a green-channel case): the service, the priority, an optional note for the
 * audit log (what was seen, never a name or an ID number), and whether to print it on the hall
 * kiosk's printer (off by default: the paper would come out away from the citizen).
 */
export const CounterTicketRequest = z.object({
  serviceCode: ServiceCode,
  priority: z.enum(['disabled', 'vip']),
  note: z.string().trim().min(1).max(100).optional(),
  print: z.boolean().default(false),
});
export type CounterTicketRequest = z.input<typeof CounterTicketRequest>;
