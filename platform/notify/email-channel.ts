import { isMailAddress } from './mail-message';
import type { Delivery, NoticeChannel, Notice, Reach } from './notice';
import type { MailSender } from './mail-sender';

/** E-mail as a channel: reaches the people with a valid address, through the platform's mail sender. */
export class EmailChannel implements NoticeChannel {
  readonly name = 'email';

  constructor(private readonly sender: MailSender) {}

  reach(recipient: Notice['recipient']): Reach {
    return recipient.email !== null && isMailAddress(recipient.email)
      ? { reachable: true, address: recipient.email }
      : { reachable: false };
  }

  async deliver(delivery: Delivery): Promise<void> {
    if (delivery.address === null) throw new Error('an e-mail delivery without an address');
    await this.sender.send({ to: delivery.address, subject: delivery.subject, text: delivery.body });
  }
}
