import type { DeadlineStage, NoticeKind } from '../../contracts/complaint-deadlines';
import type { ComplaintNumber, Person } from '../../contracts/complaints';

/**
 * What the notifier sends and through what. A notice is one message to one person about one
 * complaint, named for good by its `key` (the deadline notice's key: number, stage, unit or role,
 * the stage's start, kind), so it goes out once per person and channel however many sweeps and
 * instances find it due. Channels are where it goes: the console inbox, e-mail; more (SMS, a
 * government messenger) implement the same interface.
 */

export interface Notice {
  key: string;
  kind: NoticeKind;
  stage: DeadlineStage;
  complaintNumber: ComplaintNumber;
  /** The deadline the notice is about (ISO). */
  dueAt: string;
  recipient: Pick<Person, 'id' | 'email'>;
  /** Chinese, with the number, the stage and the due time in Beijing time; never the enterprise's contact. */
  subject: string;
  body: string;
}

export type NoticeChannelName = 'inbox' | 'email';

/** One notice for one channel, as claimed and kept: what a first attempt and every retry deliver. */
export interface Delivery {
  noticeKey: string;
  personId: string;
  complaintNumber: string;
  kind: string;
  stage: string;
  dueAt: Date;
  subject: string;
  body: string;
  /** Where the channel delivers it (an e-mail address); null for the inbox, whose address is the person. */
  address: string | null;
}

/** Whether a channel reaches a person, and at which address. */
export type Reach = { reachable: false } | { reachable: true; address: string | null };

export interface NoticeChannel {
  readonly name: NoticeChannelName;
  reach(recipient: Notice['recipient']): Reach;
  /** Delivers, or throws; a throw is recorded by its code (`failureCode`) and retried later. */
  deliver(delivery: Delivery): Promise<void>;
}

/**
 * The code a failure is recorded and logged by: an error's own `code` when it has a short one
 * (an SMTP reply code, `ETIMEDOUT`, `ESOCKET`), else its class name. Never its message, which may
 * quote an address or a subject.
 */
export function failureCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    if ((typeof code === 'string' || typeof code === 'number') && /^[A-Za-z0-9_.-]{1,32}$/.test(String(code)))
      return String(code);
  }
  return error instanceof Error ? error.name.slice(0, 32) : 'error';
}

/** Where the notifier writes what it did: codes, numbers and counts only (pino's `(fields, message)`). */
export interface NotifierLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export const SILENT_LOG: NotifierLog = { info: () => undefined, warn: () => undefined };
