import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServerCertificate } from '../../../host/lan/certificate-authority';
import { MailError } from '../../../platform/notify/mail-sender';
import { NodemailerMailSender } from '../../../platform/notify/nodemailer-sender';
import { SmtpConfig, type SmtpConfigInput } from '../../../platform/notify/smtp-config';
import { readMail, startSmtpReceiver, type SmtpReceiver, type SmtpReceiverOptions } from '../../support/smtp-receiver';

const NOW = new Date('2026-12-01T01:00:00Z');

async function certificates() {
  const ca = await createCertificateAuthority('smtp-test', NOW);
  const server = await issueServerCertificate(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, NOW, 30);
  return { ca: ca.certPem, tls: { key: server.keyPem, cert: server.certPem } };
}

describe('the nodemailer sender, against an SMTP server (smtp-server, tests/support/smtp-receiver.ts)', () => {
  let receiver: SmtpReceiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  async function start(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
    receiver = await startSmtpReceiver(options);
    return receiver;
  }

  const config = (port: number, extra: Partial<SmtpConfigInput> = {}) =>
    SmtpConfig.parse({
      host: '127.0.0.1',
      port,
      tls: 'none',
      user: null,
      password: null,
      from: 'notice@district.example',
      timeoutMs: 5000,
      ...extra,
    });

  it('delivers a Chinese subject and text intact, encoded for any relay', async () => {
    const smtp = await start();
    const text = '营商诉求 HK20261127000001 的「签收」环节今日到期。\n.这一行以点开头\n请及时办理。';
    await new NodemailerMailSender(config(smtp.port), () => NOW).send({
      to: 'handler@district.example',
      subject: '【到期提醒】营商诉求 HK20261127000001 签收今日到期，请及时办理',
      text,
    });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    if (mail === undefined) throw new Error('no mail');
    expect(mail.from).toBe('notice@district.example');
    expect(mail.to).toEqual(['handler@district.example']);
    const read = readMail(mail);
    expect(read.subject).toBe('【到期提醒】营商诉求 HK20261127000001 签收今日到期，请及时办理');
    expect(read.text.split(/\r?\n/)).toEqual(text.split('\n'));
    expect(read.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(read.headers.get('auto-submitted')).toBe('auto-generated');
    expect(read.headers.get('date')).toBe('Tue, 01 Dec 2026 01:00:00 +0000');
    // Every header line is plain ASCII within SMTP's line limit.
    const head = mail.data.slice(0, mail.data.indexOf('\r\n\r\n'));
    for (const line of head.split('\r\n')) expect(line).toMatch(/^[\x20-\x7e\t]{0,998}$/);
  });

  it('upgrades with STARTTLS, checks the server certificate and signs in over TLS only', async () => {
    const { ca, tls } = await certificates();
    const smtp = await start({ tls, account: { user: 'platform', password: 'mail secret' } });
    const sender = new NodemailerMailSender(
      config(smtp.port, { host: 'localhost', tls: 'starttls', user: 'platform', password: 'mail secret', ca }),
    );
    await sender.send({ to: 'leader@district.example', subject: '督办', text: '正文' });
    expect(smtp.received.map((m) => [m.user, m.secure])).toEqual([['platform', true]]);
    expect(smtp.signIns).toEqual([{ user: 'platform', secure: true }]);

    // A certificate the sender does not trust ends the attempt before the password is sent
    // (nodemailer reports the failed handshake as a socket error).
    const untrusting = new NodemailerMailSender(
      config(smtp.port, { host: 'localhost', tls: 'starttls', user: 'platform', password: 'mail secret' }),
    );
    await expect(untrusting.send({ to: 'leader@district.example', subject: '督办', text: '正文' })).rejects.toMatchObject({
      code: 'ESOCKET',
      permanent: false,
    });
    expect(smtp.signIns).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends over implicit TLS, the certificate checked', async () => {
    const { ca, tls } = await certificates();
    const smtp = await start({ tls: { ...tls, implicit: true } });
    await new NodemailerMailSender(config(smtp.port, { host: 'localhost', tls: 'implicit', ca })).send({
      to: 'a@district.example',
      subject: '督办',
      text: '正文',
    });
    expect(smtp.received.map((m) => m.secure)).toEqual([true]);
  });

  it('refuses to send in clear when the server offers no STARTTLS', async () => {
    const smtp = await start({ account: { user: 'platform', password: 'mail secret' } });
    const sender = new NodemailerMailSender(config(smtp.port, { tls: 'starttls', user: 'platform', password: 'mail secret' }));
    // nodemailer asks for STARTTLS all the same and stops at the refusal: nothing goes in clear.
    await expect(sender.send({ to: 'a@district.example', subject: 's', text: 't' })).rejects.toMatchObject({
      code: '500',
      permanent: true,
    });
    expect(smtp.signIns).toEqual([]);
    expect(smtp.received).toHaveLength(0);
  });

  it('reports a refusal by its reply code, temporary or permanent, without the message', async () => {
    const smtp = await start();
    const sender = new NodemailerMailSender(config(smtp.port));
    smtp.refuseNext(1, 451);
    const error = await sender
      .send({ to: 'zhao@district.example', subject: '赵六 13800000000', text: '赵六 13800000000' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ code: '451', permanent: false });
    const told = `${String(error)} ${JSON.stringify(error)} ${error instanceof Error ? (error.stack ?? '') : ''}`;
    expect(told).not.toMatch(/13800000000|赵六|zhao@/);
    smtp.refuseNext(1, 550);
    await expect(sender.send({ to: 'a@district.example', subject: 's', text: 't' })).rejects.toMatchObject({
      code: '550',
      permanent: true,
    });
    // The next attempt goes through.
    await sender.send({ to: 'a@district.example', subject: 's', text: 't' });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails with a transient connection error when nothing listens', async () => {
    const smtp = await start();
    const port = smtp.port;
    await smtp.close();
    receiver = undefined;
    await expect(
      new NodemailerMailSender(config(port)).send({ to: 'a@district.example', subject: 's', text: 't' }),
    ).rejects.toMatchObject({ code: 'ESOCKET', permanent: false });
  });

  it('gives up with a transient timeout when the server never greets', async () => {
    // A listener that takes the connection and says nothing, as a hung relay would.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    try {
      await expect(
        new NodemailerMailSender(config(address.port, { timeoutMs: 200 })).send({
          to: 'a@district.example',
          subject: 's',
          text: 't',
        }),
      ).rejects.toMatchObject({ code: 'ETIMEDOUT', permanent: false });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a recipient that is not a bare address before connecting', async () => {
    const smtp = await start();
    await expect(
      new NodemailerMailSender(config(smtp.port)).send({ to: 'a@district.example\r\nBcc: x@y.example', subject: 's', text: 't' }),
    ).rejects.toBeInstanceOf(RangeError);
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses settings that would send a password in clear, or a header-breaking address', () => {
    expect(
      SmtpConfig.safeParse({ host: 'mail', port: 25, tls: 'none', user: 'u', password: 'p', from: 'a@b.example' }).success,
    ).toBe(false);
    expect(
      SmtpConfig.safeParse({ host: 'mail', port: 25, tls: 'none', user: null, password: null, from: 'a@b.example\r\nBcc: x@y' })
        .success,
    ).toBe(false);
  });
});
