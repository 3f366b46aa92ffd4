import { randomBytes } from 'node:crypto';

/**
 * One plain-text e-mail as RFC 5322 / MIME text, ready for SMTP's DATA: UTF-8 throughout, the
 * subject as RFC 2047 encoded-words and the body in base64, so Chinese text passes any relay
 * (base64 lines also never start with a dot or run past 76 characters).
 */

export interface MailMessage {
  /** One recipient's address. */
  to: string;
  subject: string;
  /** Plain text; lines end as they like, they are sent as CRLF. */
  text: string;
}

/** A bare address: no display name, no angle brackets, no line break (a header injection). */
const ADDRESS = /^[^\s<>@,;:"\\]+@[^\s<>@,;:"\\]+$/;

export function isMailAddress(address: string): boolean {
  return ADDRESS.test(address) && address.length <= 254;
}

/** The subject as encoded-words of at most 75 characters each, cut between characters, never inside one. */
export function encodeHeaderWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !value.includes('=?')) return value;
  const words: string[] = [];
  let chunk = '';
  for (const char of value) {
    // 45 bytes of UTF-8 become 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72 in all.
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}

/** An RFC 5322 date in UTC (`Tue, 01 Dec 2026 01:00:00 +0000`). */
export function mailDate(at: Date): string {
  return at.toUTCString().replace(/GMT$/, '+0000');
}

function base64Lines(text: string): string {
  const encoded = Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64');
  return (encoded.match(/.{1,76}/g) ?? []).join('\r\n');
}

/** The message's text, CRLF line ends, without SMTP's dot-stuffing (the sender adds it). */
export function formatMailMessage(message: MailMessage, from: string, at: Date): string {
  if (!isMailAddress(from)) throw new RangeError('the sender address is not a bare address');
  if (!isMailAddress(message.to)) throw new RangeError('the recipient address is not a bare address');
  const domain = from.slice(from.indexOf('@') + 1);
  const headers = [
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeaderWords(message.subject)}`,
    `Date: ${mailDate(at)}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    // Reminders are sent by the platform: vacation replies and the like should not answer them.
    'Auto-Submitted: auto-generated',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${base64Lines(message.text)}\r\n`;
}
