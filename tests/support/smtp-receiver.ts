import { SMTPServer, type SMTPServerError, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server for tests (nodemailer's `smtp-server`) on 127.0.0.1, a free port: it takes
 * messages (over implicit TLS if asked) and keeps them for the test to read; no relay, no queue. STARTTLS is offered only
 * with a certificate (without one the server would offer it with its built-in self-signed one),
 * AUTH only with an account, and then a message needs the sign-in (530 otherwise). `refuseNext`
 * makes it answer the next messages' MAIL FROM with a refusal, as a busy (451) or a refusing
 * (550) relay would.
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
  /** With a key and certificate (PEM), STARTTLS is offered, or TLS from the first byte when `implicit`. */
  tls?: { key: string; cert: string; implicit?: boolean };
  /** The account the sign-in accepts; without it, AUTH is not offered. */
  account?: { user: string; password: string };
}

export interface SmtpReceiver {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Every sign-in attempt the server saw (the user, and whether the session was encrypted by then). */
  readonly signIns: { user: string; secure: boolean }[];
  /** The next `count` messages are refused at MAIL FROM with `code` (default 451, a temporary failure). */
  refuseNext(count: number, code?: number): void;
  close(): Promise<void>;
}

function refusal(code: number): SMTPServerError {
  const error: SMTPServerError = new Error(code >= 500 ? 'refused' : 'try again later');
  error.responseCode = code;
  return error;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const signIns: { user: string; secure: boolean }[] = [];
  let refusals = 0;
  let refusalCode = 451;
  const { account, tls } = options;

  const settings: SMTPServerOptions = {
    logger: false,
    banner: 'SMTP receiver for tests',
    secure: tls?.implicit === true,
    disabledCommands: [
      ...(tls === undefined || tls.implicit === true ? ['STARTTLS'] : []),
      ...(account === undefined ? ['AUTH'] : []),
    ],
    ...(tls === undefined ? {} : { key: tls.key, cert: tls.cert }),
    // Connections still open when a test ends are cut soon after close(), not after 30 s.
    closeTimeout: 200,
    onAuth(auth, session, callback) {
      signIns.push({ user: auth.username ?? '', secure: session.secure });
      if (account !== undefined && auth.username === account.user && auth.password === account.password) {
        callback(null, { user: account.user });
      } else {
        callback(Object.assign(new Error('bad credentials'), { responseCode: 535 }));
      }
    },
    onMailFrom(_address, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        callback(refusal(refusalCode));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: rcptTo.map((recipient) => recipient.address),
          data: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : null,
          secure: session.secure,
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(settings);
  // A client that drops the TLS handshake (an untrusted certificate) is an error of that
  // connection, not of the test.
  server.on('error', () => undefined);

  const listening = await new Promise<ReturnType<SMTPServer['listen']>>((resolve) => {
    const handle = server.listen(0, '127.0.0.1', () => resolve(handle));
  });
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('the SMTP receiver has no port');

  return {
    port: address.port,
    received,
    signIns,
    refuseNext(count, code = 451) {
      refusals = count;
      refusalCode = code;
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`), decoded; the space between two words goes. */
function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=(\s+(?==\?))?/gi, (_word, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_hex, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** A quoted-printable body (RFC 2045 6.7), decoded as UTF-8. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_hex, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** A received message's headers and its text, decoded (encoded-word subject; base64 or quoted-printable body). */
export function readMail(mail: ReceivedMail): { headers: Map<string, string>; subject: string; text: string } {
  const split = mail.data.indexOf('\r\n\r\n');
  const head = split < 0 ? mail.data : mail.data.slice(0, split);
  const body = split < 0 ? '' : mail.data.slice(split + 4);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\r\n')) {
    if (/^\s/.test(line)) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    last = line.slice(0, colon).toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  const subject = decodeWords(headers.get('subject') ?? '');
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { headers, subject, text };
}
