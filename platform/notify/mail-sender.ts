import type { MailMessage } from './mail-message';

/** What a sender does; the notifier's e-mail channel uses it, tests may give another. */
export interface MailSender {
  /** Resolves once the server accepted the message for delivery; throws a `MailError` otherwise. */
  send(message: MailMessage): Promise<void>;
}

/**
 * Why a message was not sent, without its content: `code` is the server's reply code (`451`,
 * `550`…) when it refused, else what failed before any reply, as nodemailer names it (`ESOCKET`
 * for no connection, `ETIMEDOUT`, `ETLS`, `ECONNECTION`, `EAUTH`…). A 5xx reply is `permanent`
 * (the server will refuse the same message again), the rest `transient`.
 */
export class MailError extends Error {
  override readonly name = 'MailError';

  constructor(
    readonly code: string,
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** A short code, safe to record and log: letters, digits, `_`, `-`. */
const CODE = /^[A-Za-z0-9_-]{1,32}$/;

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
}

/**
 * A sending library's error as a `MailError`. Only the reply code or the error code is kept:
 * the library's message quotes the server's reply, which may name the recipient, and it is
 * deliberately not carried along (nor as `cause`, which a logger would print).
 */
export function mailErrorOf(error: unknown): MailError {
  if (error instanceof MailError) return error;
  const responseCode = field(error, 'responseCode');
  if (typeof responseCode === 'number' && Number.isInteger(responseCode) && responseCode >= 200 && responseCode < 600) {
    return new MailError(String(responseCode), responseCode >= 500, `the mail server refused the message (${responseCode})`);
  }
  const code = field(error, 'code');
  const named = typeof code === 'string' && CODE.test(code) ? code : 'EUNKNOWN';
  return new MailError(named, false, `the message could not be handed to the mail server (${named})`);
}
