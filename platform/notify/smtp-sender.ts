import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { formatMailMessage, type MailMessage } from './mail-message';
import type { SmtpConfig } from './smtp-config';

/**
 * Sends one e-mail over SMTP (RFC 5321) with the platform's settings: a connection per message
 * (reminders are few, and a fresh connection has no state to go stale between sweeps), EHLO,
 * STARTTLS or implicit TLS as configured, AUTH PLAIN over TLS only, MAIL, RCPT, DATA, QUIT.
 *
 * Written here because no mail library is among the project's dependencies (nodemailer would be
 * the one to take; see platform/notify/README.md): it speaks only what sending needs, and any
 * reply it does not expect fails the attempt, which the notifier retries later.
 */

/** What a sender does; the notifier's e-mail channel uses it, tests may give another. */
export interface MailSender {
  /** Resolves once the server accepted the message for delivery; throws a `MailError` otherwise. */
  send(message: MailMessage): Promise<void>;
}

/**
 * Why a message was not sent, without its content: `code` is the server's reply code (`451`,
 * `550`…) or what failed before any (`connect`, `timeout`, `tls`, `closed`, `protocol`). A 5xx
 * reply is `permanent` (the server will refuse the same message again), the rest `transient`.
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

interface Reply {
  code: number;
  lines: string[];
}

/** One SMTP conversation over a socket that may be upgraded to TLS midway. */
class SmtpConversation {
  private buffer = '';
  private replies: Reply[] = [];
  private pendingLines: string[] = [];
  private waiting: { resolve: (reply: Reply) => void; reject: (error: MailError) => void } | undefined;
  private failure: MailError | undefined;

  constructor(
    private socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
  ) {
    this.attach(socket);
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding('utf8');
    socket.setTimeout(this.timeoutMs);
    socket.on('data', this.onData);
    socket.on('timeout', this.onTimeout);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private detach(socket: Socket | TLSSocket): void {
    socket.off('data', this.onData);
    socket.off('timeout', this.onTimeout);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
  }

  private readonly onData = (chunk: string): void => {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n');
    while (end >= 0) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.onLine(line);
      end = this.buffer.indexOf('\n');
    }
  };

  private onLine(line: string): void {
    const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
    if (match === null) {
      this.fail(new MailError('protocol', false, 'the server sent a line that is not an SMTP reply'));
      return;
    }
    this.pendingLines.push(match[3] ?? '');
    if (match[2] === '-') return;
    const reply = { code: Number(match[1]), lines: this.pendingLines };
    this.pendingLines = [];
    const waiting = this.waiting;
    if (waiting === undefined) {
      this.replies.push(reply);
    } else {
      this.waiting = undefined;
      waiting.resolve(reply);
    }
  }

  private readonly onTimeout = (): void => {
    this.fail(new MailError('timeout', false, `the mail server said nothing for ${this.timeoutMs} ms`));
  };

  private readonly onError = (error: Error): void => {
    const code = 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_TLS') ? 'tls' : 'connect';
    this.fail(new MailError(code, false, `the connection to the mail server failed (${error.name})`));
  };

  private readonly onClose = (): void => {
    this.fail(new MailError('closed', false, 'the mail server closed the connection'));
  };

  private fail(error: MailError): void {
    this.failure ??= error;
    this.socket.destroy();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }

  /** The next reply, or the failure that ended the conversation. */
  read(): Promise<Reply> {
    const ready = this.replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Sends a command (or the message's data) and reads the reply, which must be one of `expected`. */
  async exchange(text: string | null, expected: readonly number[], step: string): Promise<Reply> {
    if (text !== null) this.socket.write(text);
    const reply = await this.read();
    if (!expected.includes(reply.code)) {
      throw new MailError(String(reply.code), reply.code >= 500, `the mail server refused ${step} (${reply.code})`);
    }
    return reply;
  }

  /** Upgrades the connection after the server's 220 to STARTTLS (RFC 3207). */
  async startTls(host: string, ca: string | undefined): Promise<void> {
    const plain = this.socket;
    this.detach(plain);
    const secure = connectTls({ socket: plain, servername: host, ...(ca === undefined ? {} : { ca }) });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', (error) => reject(new MailError('tls', false, `TLS with the mail server failed (${error.name})`)));
    });
    this.socket = secure;
    this.buffer = '';
    this.attach(secure);
  }

  close(): void {
    this.detach(this.socket);
    this.socket.on('error', () => undefined);
    this.socket.end();
  }

  destroy(): void {
    this.detach(this.socket);
    this.socket.on('error', () => undefined);
    this.socket.destroy();
  }
}

function open(config: SmtpConfig): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket =
      config.tls === 'implicit'
        ? connectTls({
            host: config.host,
            port: config.port,
            servername: config.host,
            ...(config.ca === undefined ? {} : { ca: config.ca }),
          })
        : connectTcp({ host: config.host, port: config.port });
    const ready = config.tls === 'implicit' ? 'secureConnect' : 'connect';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new MailError('timeout', false, `no connection to the mail server within ${config.timeoutMs} ms`));
    }, config.timeoutMs);
    socket.once(ready, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      const code = 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_TLS') ? 'tls' : 'connect';
      reject(new MailError(code, false, `no connection to the mail server (${code})`));
    });
  });
}

/** The lines of an EHLO reply after the greeting line, upper-cased: `STARTTLS`, `AUTH PLAIN LOGIN`, … */
function extensionsOf(reply: Reply): string[] {
  return reply.lines.slice(1).map((line) => line.trim().toUpperCase());
}

/** SMTP's transparency (RFC 5321 4.5.2): a line starting with a dot gets another. */
function dotStuffed(data: string): string {
  return data.replace(/^\./gm, '..');
}

export class SmtpMailSender implements MailSender {
  constructor(
    private readonly config: SmtpConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: MailMessage): Promise<void> {
    const { config } = this;
    const data = formatMailMessage(message, config.from, this.now());
    const conversation = new SmtpConversation(await open(config), config.timeoutMs);
    try {
      await conversation.exchange(null, [220], 'the connection');
      let ehlo = await conversation.exchange(`EHLO ${config.heloName}\r\n`, [250], 'EHLO');
      if (config.tls === 'starttls') {
        if (!extensionsOf(ehlo).includes('STARTTLS')) {
          throw new MailError('tls', true, 'the mail server does not offer STARTTLS: nothing was sent in clear');
        }
        await conversation.exchange('STARTTLS\r\n', [220], 'STARTTLS');
        await conversation.startTls(config.host, config.ca);
        ehlo = await conversation.exchange(`EHLO ${config.heloName}\r\n`, [250], 'EHLO after STARTTLS');
      }
      if (config.user !== null && config.password !== null) {
        const auth = extensionsOf(ehlo).find((line) => line.startsWith('AUTH'));
        if (auth === undefined || !auth.split(/[\s=]+/).includes('PLAIN')) {
          throw new MailError('auth', true, 'the mail server offers no AUTH PLAIN');
        }
        const token = Buffer.from(`\0${config.user}\0${config.password}`, 'utf8').toString('base64');
        await conversation.exchange(`AUTH PLAIN ${token}\r\n`, [235], 'the sign-in');
      }
      await conversation.exchange(`MAIL FROM:<${config.from}>\r\n`, [250], 'the sender');
      await conversation.exchange(`RCPT TO:<${message.to}>\r\n`, [250, 251], 'the recipient');
      await conversation.exchange('DATA\r\n', [354], 'DATA');
      await conversation.exchange(`${dotStuffed(data)}.\r\n`, [250], 'the message');
      // The message is accepted: a QUIT that fails changes nothing.
      await conversation.exchange('QUIT\r\n', [221], 'QUIT').catch(() => undefined);
      conversation.close();
    } catch (error) {
      conversation.destroy();
      throw error;
    }
  }
}
