import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/**
 * A stand-in SMTP server for tests, not a mail server: it speaks enough of RFC 5321 (EHLO/HELO,
 * STARTTLS of RFC 3207 when given a certificate, AUTH PLAIN, MAIL, RCPT, DATA with dot-stuffing
 * undone, RSET, NOOP, QUIT) to accept a message and keep it for the test to read. No relay, no
 * queue. `refuseNext` makes it answer the next messages' MAIL with a temporary failure, as a
 * busy or unreachable relay would. Written because no SMTP server package (smtp-server) is
 * among the project's dependencies.
 */

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent, dot-stuffing undone, CRLF line ends. */
  data: string;
  /** The user that signed in, if one did. */
  user: string | null;
  /** Whether the session was encrypted (STARTTLS) when the message came. */
  secure: boolean;
}

export interface SmtpReceiverOptions {
  /** With a key and certificate (PEM), STARTTLS is offered. */
  tls?: { key: string; cert: string };
  /** The account AUTH PLAIN accepts; without it, AUTH is not offered. */
  account?: { user: string; password: string };
}

export interface SmtpReceiver {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** The next `count` messages are refused at MAIL with `code` (default 451, a temporary failure). */
  refuseNext(count: number, code?: number): void;
  close(): Promise<void>;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let refusals = 0;
  let refusalCode = 451;

  const server: Server = createServer((raw) => {
    sockets.add(raw);
    raw.on('close', () => sockets.delete(raw));
    raw.on('error', () => undefined);
    let socket: Socket = raw;
    let secure = false;
    let user: string | null = null;
    let from: string | null = null;
    let to: string[] = [];
    let data: string[] | null = null;
    let buffer = '';
    const say = (line: string) => socket.write(`${line}\r\n`);

    const onLine = (line: string): void => {
      if (data !== null) {
        if (line === '.') {
          received.push({ from: from ?? '', to, data: `${data.join('\r\n')}\r\n`, user, secure });
          data = null;
          from = null;
          to = [];
          say('250 2.0.0 accepted');
        } else {
          data.push(line.startsWith('.') ? line.slice(1) : line);
        }
        return;
      }
      const [verb = '', ...rest] = line.split(' ');
      const argument = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO': {
          const extensions = ['8BITMIME'];
          if (options.tls !== undefined && !secure) extensions.push('STARTTLS');
          if (options.account !== undefined) extensions.push('AUTH PLAIN');
          say(`250-stand-in greets ${argument}`);
          extensions.forEach((extension, index) => say(`250${index === extensions.length - 1 ? ' ' : '-'}${extension}`));
          return;
        }
        case 'HELO':
          say('250 stand-in');
          return;
        case 'STARTTLS': {
          if (options.tls === undefined || secure) {
            say('502 5.5.1 not offered');
            return;
          }
          say('220 2.0.0 go ahead');
          socket.off('data', onData);
          const upgraded = new TLSSocket(socket, { isServer: true, key: options.tls.key, cert: options.tls.cert });
          upgraded.on('error', () => undefined);
          upgraded.setEncoding('utf8');
          upgraded.on('data', onData);
          socket = upgraded;
          secure = true;
          user = null;
          buffer = '';
          return;
        }
        case 'AUTH': {
          const [mechanism, token] = argument.split(' ');
          const [, name, password] = Buffer.from(token ?? '', 'base64')
            .toString('utf8')
            .split('\0');
          const account = options.account;
          if (
            mechanism?.toUpperCase() === 'PLAIN' &&
            account !== undefined &&
            account.user === name &&
            account.password === password
          ) {
            user = name ?? null;
            say('235 2.7.0 signed in');
          } else {
            say('535 5.7.8 bad credentials');
          }
          return;
        }
        case 'MAIL':
          if (options.account !== undefined && user === null) {
            say('530 5.7.0 sign in first');
            return;
          }
          if (refusals > 0) {
            refusals -= 1;
            say(`${refusalCode} 4.3.2 try again later`);
            return;
          }
          from = /<([^>]*)>/.exec(argument)?.[1] ?? '';
          say('250 2.1.0 ok');
          return;
        case 'RCPT':
          if (from === null) {
            say('503 5.5.1 MAIL first');
            return;
          }
          to.push(/<([^>]*)>/.exec(argument)?.[1] ?? '');
          say('250 2.1.5 ok');
          return;
        case 'DATA':
          if (from === null || to.length === 0) {
            say('503 5.5.1 MAIL and RCPT first');
            return;
          }
          data = [];
          say('354 end with <CRLF>.<CRLF>');
          return;
        case 'RSET':
          from = null;
          to = [];
          say('250 2.0.0 ok');
          return;
        case 'NOOP':
          say('250 2.0.0 ok');
          return;
        case 'QUIT':
          say('221 2.0.0 bye');
          socket.end();
          return;
        default:
          say('500 5.5.2 unknown command');
      }
    };

    const onData = (chunk: string): void => {
      buffer += chunk;
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onLine(line);
        end = buffer.indexOf('\r\n');
      }
    };

    raw.setEncoding('utf8');
    raw.on('data', onData);
    say('220 stand-in SMTP receiver for tests');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stand-in SMTP receiver has no port');

  return {
    port: address.port,
    received,
    refuseNext(count, code = 451) {
      refusals = count;
      refusalCode = code;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A received message's headers and its text, decoded (base64 body, encoded-word subject). */
export function readMail(mail: ReceivedMail): { headers: Map<string, string>; subject: string; text: string } {
  const [head = '', body = ''] = mail.data.split('\r\n\r\n');
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\r\n')) {
    if (/^\s/.test(line)) {
      headers.set(last, `${headers.get(last) ?? ''}${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    last = line.slice(0, colon).toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  const subject = (headers.get('subject') ?? '').replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_word, encoded: string) =>
    Buffer.from(encoded, 'base64').toString('utf8'),
  );
  const text =
    headers.get('content-transfer-encoding')?.toLowerCase() === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : body;
  return { headers, subject, text };
}
