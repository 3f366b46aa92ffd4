import { createTransport, type SendMailOptions, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import { isMailAddress, type MailMessage } from './mail-message';
import { mailErrorOf, type MailSender } from './mail-sender';
import type { SmtpConfig } from './smtp-config';

/**
 * The platform's settings as nodemailer's SMTP transport options. Not pooled: a connection per
 * message (reminders are few, and a fresh connection has no state to go stale between sweeps).
 *
 * - `implicit`: TLS from the first byte (`secure`); `starttls`: the plain connection must be
 *   upgraded before anything else is said (`requireTLS`: a server that does not offer STARTTLS
 *   gets nothing, not even the sign-in); `none`: a relay on a trusted segment, STARTTLS not even
 *   tried (`ignoreTLS`), and never with credentials (`SmtpConfig` refuses it).
 * - The server's certificate and name are always verified (`rejectUnauthorized`), against the
 *   system's CAs plus the district's own when given.
 * - The sign-in only when a user is set; nodemailer's logger and debug stay off, since they
 *   would print the addresses and the message.
 */
export function transportOptionsOf(config: SmtpConfig): SMTPTransportOptions {
  return {
    host: config.host,
    port: config.port,
    secure: config.tls === 'implicit',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'none',
    name: config.heloName,
    tls: { rejectUnauthorized: true, ...(config.ca === undefined ? {} : { ca: config.ca }) },
    ...(config.user !== null && config.password !== null ? { auth: { user: config.user, pass: config.password } } : {}),
    connectionTimeout: config.timeoutMs,
    greetingTimeout: config.timeoutMs,
    socketTimeout: config.timeoutMs,
    dnsTimeout: config.timeoutMs,
    logger: false,
    debug: false,
  };
}

/** Sends each message over SMTP with nodemailer; a refusal or failure is a `MailError` (mail-sender.ts). */
export class NodemailerMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    private readonly config: SmtpConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.transport = createTransport(transportOptionsOf(config));
  }

  async send(message: MailMessage): Promise<void> {
    if (!isMailAddress(message.to)) throw new RangeError('the recipient address is not a bare address');
    const mail: SendMailOptions = {
      from: this.config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      date: this.now(),
      // Base64 for the body and the subject's encoded-words: Chinese text passes any relay.
      textEncoding: 'base64',
      // Reminders are sent by the platform: vacation replies and the like should not answer them.
      headers: { 'Auto-Submitted': 'auto-generated' },
    };
    try {
      await this.transport.sendMail(mail);
    } catch (error) {
      throw mailErrorOf(error);
    }
  }
}
