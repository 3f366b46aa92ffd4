import { describe, expect, it } from 'vitest';
import { createPlatformNotifier } from '../../../platform/notify/create-notifier';
import type { Sql } from '../../../platform/db/sql';
import { smtpConfigFromEnvironment } from '../../../platform/notify/smtp-config';

describe('the SMTP settings from the environment', () => {
  it('is off without a host, and defaults the port by TLS mode', () => {
    expect(smtpConfigFromEnvironment({})).toBeNull();
    const config = smtpConfigFromEnvironment({
      HALL_KIOSK_SMTP_HOST: 'mail.district.example',
      HALL_KIOSK_SMTP_USER: 'platform',
      HALL_KIOSK_SMTP_PASSWORD: ' secret with spaces ',
      HALL_KIOSK_SMTP_FROM: 'notice@district.example',
    });
    expect(config).toMatchObject({
      host: 'mail.district.example',
      port: 587,
      tls: 'starttls',
      user: 'platform',
      password: ' secret with spaces ',
    });
    expect(
      smtpConfigFromEnvironment({
        HALL_KIOSK_SMTP_HOST: 'h',
        HALL_KIOSK_SMTP_TLS: 'implicit',
        HALL_KIOSK_SMTP_FROM: 'a@b.example',
      })?.port,
    ).toBe(465);
  });

  it('names the variable that is wrong, never a value', () => {
    const refuse = (env: Record<string, string>) => {
      try {
        smtpConfigFromEnvironment({ HALL_KIOSK_SMTP_HOST: 'h', HALL_KIOSK_SMTP_FROM: 'a@b.example', ...env });
      } catch (error) {
        return String(error);
      }
      return 'accepted';
    };
    expect(refuse({ HALL_KIOSK_SMTP_TLS: 'ssl' })).toContain('HALL_KIOSK_SMTP_TLS');
    expect(refuse({ HALL_KIOSK_SMTP_PORT: '99999' })).toContain('HALL_KIOSK_SMTP_PORT');
    expect(refuse({ HALL_KIOSK_SMTP_FROM: 'not an address' })).toContain('HALL_KIOSK_SMTP_FROM');
    const clear = refuse({ HALL_KIOSK_SMTP_TLS: 'none', HALL_KIOSK_SMTP_USER: 'u', HALL_KIOSK_SMTP_PASSWORD: 'hunter2-secret' });
    expect(clear).toContain('HALL_KIOSK_SMTP_TLS');
    expect(clear).not.toContain('hunter2-secret');
    expect(refuse({ HALL_KIOSK_SMTP_USER: 'u' })).toContain('HALL_KIOSK_SMTP_PASSWORD');
  });

  it('gives the notifier e-mail only when a mail server is configured', () => {
    // Building the notifier touches no database: this one refuses everything.
    const refuse = () => Promise.reject(new Error('no database here'));
    const sql: Sql = { engine: 'pglite', query: refuse, transaction: refuse, script: refuse, close: refuse };
    const now = () => new Date();
    expect(createPlatformNotifier({ sql, now, smtp: smtpConfigFromEnvironment({}) }).channelNames).toEqual(['inbox']);
    const smtp = smtpConfigFromEnvironment({
      HALL_KIOSK_SMTP_HOST: 'mail.district.example',
      HALL_KIOSK_SMTP_FROM: 'a@b.example',
    });
    expect(createPlatformNotifier({ sql, now, smtp }).channelNames).toEqual(['inbox', 'email']);
  });
});
