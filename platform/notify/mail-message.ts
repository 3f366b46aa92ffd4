/**
 * One plain-text e-mail as the notifier hands it to a `MailSender`. The sender builds the MIME
 * message from it (nodemailer's composer: UTF-8, encoded-word subject, base64 body).
 */

export interface MailMessage {
  /** One recipient's bare address. */
  to: string;
  subject: string;
  /** Plain text; lines end as they like. */
  text: string;
}

/** A bare address: no display name, no angle brackets, no line break (a header injection). */
const ADDRESS = /^[^\s<>@,;:"\\]+@[^\s<>@,;:"\\]+$/;

export function isMailAddress(address: string): boolean {
  return ADDRESS.test(address) && address.length <= 254;
}
