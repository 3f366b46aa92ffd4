import type { Sql } from '../db/sql';
import { EmailChannel } from './email-channel';
import { InboxChannel } from './inbox-channel';
import type { NoticeChannel, NotifierLog } from './notice';
import { Notifier } from './notifier';
import type { SmtpConfig } from './smtp-config';
import { NodemailerMailSender } from './nodemailer-sender';

export interface PlatformNotifierOptions {
  sql: Sql;
  now: () => Date;
  /** The mail server (`smtpConfigFromEnvironment`); null: the console inbox only. */
  smtp: SmtpConfig | null;
  log?: NotifierLog;
}

/**
 * The platform's notifier as `createPlatform` is to build it: the console inbox always, e-mail
 * when a mail server is configured. An instance without e-mail leaves the e-mails others failed
 * to send to the instances that have it (`Notifier.retryDue` retries its own channels only).
 */
export function createPlatformNotifier(options: PlatformNotifierOptions): Notifier {
  const channels: NoticeChannel[] = [new InboxChannel(options.sql, options.now)];
  if (options.smtp !== null) channels.push(new EmailChannel(new NodemailerMailSender(options.smtp, options.now)));
  return new Notifier(options.sql, channels, { now: options.now, ...(options.log === undefined ? {} : { log: options.log }) });
}
