import { afterEach, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServerCertificate } from '../../../host/lan/certificate-authority';
import { SmtpConfig, type SmtpConfigInput } from '../../../platform/notify/smtp-config';
import { MailError, SmtpMailSender } from '../../../platform/notify/smtp-sender';
import { readMail, startSmtpReceiver, type SmtpReceiver, type SmtpReceiverOptions } from '../../support/smtp-receiver';

const NOW = new Date('2026-12-01T01:00:00Z');

async function certificates() {
  const ca = await createCertificateAuthority('smtp-test', NOW);
  const server = await issueServerCertificate(ca, { dns: ['localhost'], ips: ['127.0.0.1'] }, NOW, 30);
  return { ca: ca.certPem, tls: { key: server.keyPem, cert: server.certPem } };
}

describe('the SMTP sender, against the stand-in SMTP receiver of tests/support (not a real mail server)', () => {
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
    await new SmtpMailSender(config(smtp.port)).send({
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
    expect(read.text).toBe(text.replace(/\n/g, '\r\n'));
    expect(read.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    // Every header line is plain ASCII within SMTP's line limit.
    for (const line of mail.data.split('\r\n')) expect(line).toMatch(/^[\x20-\x7e]{0,998}$/);
  });

  it('upgrades with STARTTLS, checks the server certificate and signs in over TLS only', async () => {
    const { ca, tls } = await certificates();
    const smtp = await start({ tls, account: { user: 'platform', password: 'mail secret' } });
    const sender = new SmtpMailSender(
      config(smtp.port, { host: 'localhost', tls: 'starttls', user: 'platform', password: 'mail secret', ca }),
    );
    await sender.send({ to: 'leader@district.example', subject: '督办', text: '正文' });
    expect(smtp.received.map((m) => [m.user, m.secure])).toEqual([['platform', true]]);

    // A certificate the sender does not trust ends the attempt before the password is sent.
    const untrusting = new SmtpMailSender(
      config(smtp.port, { host: 'localhost', tls: 'starttls', user: 'platform', password: 'mail secret' }),
    );
    await expect(untrusting.send({ to: 'leader@district.example', subject: '督办', text: '正文' })).rejects.toMatchObject({
      code: 'tls',
    });
    expect(smtp.received).toHaveLength(1);
  });

  it('refuses to send in clear when the server offers no STARTTLS', async () => {
    const smtp = await start();
    const sender = new SmtpMailSender(config(smtp.port, { tls: 'starttls' }));
    await expect(sender.send({ to: 'a@district.example', subject: 's', text: 't' })).rejects.toMatchObject({
      code: 'tls',
      permanent: true,
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('reports a refusal by its reply code, temporary or permanent, without the message', async () => {
    const smtp = await start();
    const sender = new SmtpMailSender(config(smtp.port));
    smtp.refuseNext(1, 451);
    const error = await sender
      .send({ to: 'a@district.example', subject: '赵六 13800000000', text: 't' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ code: '451', permanent: false });
    expect(String(error)).not.toContain('13800000000');
    smtp.refuseNext(1, 550);
    await expect(sender.send({ to: 'a@district.example', subject: 's', text: 't' })).rejects.toMatchObject({
      code: '550',
      permanent: true,
    });
    // The next attempt goes through.
    await sender.send({ to: 'a@district.example', subject: 's', text: 't' });
    expect(smtp.received).toHaveLength(1);
  });

  it('fails with connect when nothing listens', async () => {
    const smtp = await start();
    const port = smtp.port;
    await smtp.close();
    receiver = undefined;
    await expect(
      new SmtpMailSender(config(port)).send({ to: 'a@district.example', subject: 's', text: 't' }),
    ).rejects.toMatchObject({ code: 'connect' });
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
