import { z } from 'zod';
import { isMailAddress } from './mail-message';

/**
 * How the platform reaches its mail server: host, port, TLS mode, the account and the sender's
 * address. Read from the environment only (`smtpConfigFromEnvironment`): a password given as a
 * command-line argument would show in `ps` to every user of the machine.
 *
 * TLS modes: `implicit` (SMTPS, TLS from the first byte, usually port 465), `starttls` (plain
 * connection upgraded before anything else is said, usually 587; refused when the server does
 * not offer it, never silently sent in clear) and `none` (a relay on the same host or a trusted
 * segment, usually 25). Credentials never cross an unencrypted connection: `none` with a user is
 * refused.
 */

export const SmtpTlsMode = z.enum(['none', 'starttls', 'implicit']);
export type SmtpTlsMode = z.infer<typeof SmtpTlsMode>;

export const SmtpConfig = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    tls: SmtpTlsMode,
    user: z.string().min(1).max(256).nullable(),
    password: z.string().min(1).max(1024).nullable(),
    from: z.string().refine(isMailAddress, 'expected a bare address like notice@example.gov.cn'),
    /** The name given in EHLO; the platform's host name where the relay checks it. */
    heloName: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/)
      .default('hall-kiosk-platform'),
    /** PEM certificates to trust besides the system's (a district's own CA); the server's name is always checked. */
    ca: z.string().optional(),
    /** How long one exchange with the server may stay silent before the attempt fails. */
    timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  })
  .superRefine((config, ctx) => {
    if ((config.user === null) !== (config.password === null)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'a user and a password go together' });
    }
    if (config.user !== null && config.tls === 'none') {
      ctx.addIssue({ code: 'custom', path: ['tls'], message: 'credentials are sent only over TLS: use starttls or implicit' });
    }
  });
export type SmtpConfig = z.infer<typeof SmtpConfig>;
export type SmtpConfigInput = z.input<typeof SmtpConfig>;

/** The environment variables, named once. */
export const SMTP_ENVIRONMENT = {
  host: 'HALL_KIOSK_SMTP_HOST',
  port: 'HALL_KIOSK_SMTP_PORT',
  tls: 'HALL_KIOSK_SMTP_TLS',
  user: 'HALL_KIOSK_SMTP_USER',
  password: 'HALL_KIOSK_SMTP_PASSWORD',
  from: 'HALL_KIOSK_SMTP_FROM',
} as const;

const DEFAULT_PORT: Readonly<Record<SmtpTlsMode, number>> = { none: 25, starttls: 587, implicit: 465 };

/**
 * The sender's settings from the environment, or null when `HALL_KIOSK_SMTP_HOST` is unset (no
 * e-mail; the console inbox still works). A wrong value throws, naming the variable and never its
 * value (the password's would end up in a log).
 */
export function smtpConfigFromEnvironment(env: Readonly<Record<string, string | undefined>>): SmtpConfig | null {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const host = value(SMTP_ENVIRONMENT.host);
  if (host === undefined) return null;
  const tls = SmtpTlsMode.safeParse(value(SMTP_ENVIRONMENT.tls) ?? 'starttls');
  if (!tls.success) throw new Error(`${SMTP_ENVIRONMENT.tls}: expected none, starttls or implicit`);
  const port = value(SMTP_ENVIRONMENT.port);
  const parsed = SmtpConfig.safeParse({
    host,
    port: port === undefined ? DEFAULT_PORT[tls.data] : Number(port),
    tls: tls.data,
    user: value(SMTP_ENVIRONMENT.user) ?? null,
    // The password as given: spaces may be part of it.
    password: env[SMTP_ENVIRONMENT.password] || null,
    from: value(SMTP_ENVIRONMENT.from) ?? '',
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'host');
      const variable = Object.entries(SMTP_ENVIRONMENT).find(([key]) => key === field)?.[1] ?? field;
      return `${variable}: ${issue.message}`;
    });
    throw new Error(`the SMTP settings are refused: ${fields.join('; ')}`);
  }
  return parsed.data;
}
