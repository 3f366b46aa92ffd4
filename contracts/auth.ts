import { z } from 'zod';
import { NextPage } from './page';
import pinRule from './pin-rule.json';

/** Staff number (工号) as printed on the badge. */
export const StaffNo = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, '工号为 1–20 位字母、数字或连字符');

/**
 * The PIN rule and the scrypt cost live in `pin-rule.json`, plain data, because two programs
 * must agree on them: the host (sign-in, accounts) and `scripts/staff.mjs hash-pin`, a plain Node
 * script that writes config-file hashes without building the host.
 * tests/scripts/staff-hash-pin.test.ts signs in on a host with a hash the script made.
 */
const { min, max } = pinRule.pinDigits;

/** How many digits a PIN has, for screens that say so (`{{min}}–{{max}} 位数字`). */
export const PIN_DIGITS: Readonly<{ min: number; max: number }> = { min, max };

/** A staff PIN: `min`–`max` digits, digits only so the counter's numeric keypad can enter it. */
export const PIN_PATTERN = new RegExp(`^\\d{${min},${max}}$`);
export const PIN_RULE_TEXT = `PIN 为 ${min}–${max} 位数字`;
export const Pin = z.string().regex(PIN_PATTERN, PIN_RULE_TEXT);

/**
 * scrypt cost for new PIN hashes. N=2^14, r=8, p=1 needs 16 MiB and tens of milliseconds:
 * affordable on a kiosk CPU at every sign-in, costly for a guesser holding a stolen hash.
 */
export const PIN_SCRYPT: Readonly<{ N: number; r: number; p: number; keyLength: number; saltLength: number }> = pinRule.scrypt;

/**
 * `staff` works a window; `supervisor` may do everything staff do and manages
 * accounts; `technician` configures devices and is separate from both.
 */
export const StaffRole = z.enum(['staff', 'supervisor', 'technician']);
export type StaffRole = z.infer<typeof StaffRole>;

/** scrypt$N$r$p$saltB64$hashB64 (see host/auth/pin-hash.ts); never the PIN itself. */
export const PinHash = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/, 'scrypt$N$r$p$salt$hash');

/** Who is calling: the signed-in account and the window it works at, if any. */
export const StaffPrincipal = z.object({
  id: z.number().int().positive(),
  staffNo: StaffNo,
  name: z.string(),
  role: StaffRole,
  windowId: z.number().int().positive().nullable(),
});
export type StaffPrincipal = z.infer<typeof StaffPrincipal>;

export const SignInRequest = z.object({
  staffNo: StaffNo,
  pin: Pin,
  /** The window this counter serves; omitted for supervisors and technicians away from a window. */
  windowId: z.number().int().positive().optional(),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const SignInResponse = z.object({
  /** Shown once: send it as `Authorization: Bearer <token>`. The host keeps only its hash. */
  token: z.string(),
  staff: StaffPrincipal,
  expiresAt: z.iso.datetime(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const CurrentStaff = z.object({ staff: StaffPrincipal });
export type CurrentStaff = z.infer<typeof CurrentStaff>;

export const SignOutResponse = z.object({ ok: z.literal(true) });
export type SignOutResponse = z.infer<typeof SignOutResponse>;

/** An account as a supervisor sees it: no PIN hash, ever. */
export const StaffAccount = z.object({
  id: z.number().int().positive(),
  staffNo: StaffNo,
  name: z.string(),
  role: StaffRole,
  active: z.boolean(),
  /**
   * Null since issue 18: failed sign-ins are throttled per client and staff number, per client
   * and overall (host/auth/sign-in-throttle.ts), never per account, so no account is locked for
   * everyone. Kept so consoles that show a lock still parse the list.
   */
  lockedUntil: z.iso.datetime().nullable(),
  /** The window this person usually works at (sign-in may still pick any window). */
  windowNumber: z.number().int().positive().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/** One page of the accounts, by staff number (contracts/page.ts). */
export const StaffList = z.object({ staff: z.array(StaffAccount), next: NextPage });
export type StaffList = z.infer<typeof StaffList>;

/**
 * Roles whose grant needs a second supervisor's confirmation: nobody gives these alone. A
 * supervisor asks, another supervisor confirms; until then the account keeps its old role (or,
 * new, stays disabled).
 */
export const ConfirmedRole = z.enum(['supervisor', 'technician']);
export type ConfirmedRole = z.infer<typeof ConfirmedRole>;

/** A grant of supervisor or technician waiting for a second supervisor. */
export const RoleGrant = z.object({
  id: z.number().int().positive(),
  targetStaffId: z.number().int().positive(),
  targetStaffNo: StaffNo,
  role: ConfirmedRole,
  /** Confirming also enables the account (made, or re-enabled, for this role). */
  activates: z.boolean(),
  /** Who asked: they cannot confirm it themselves. */
  requestedBy: z.number().int().positive(),
  requestedAt: z.iso.datetime(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const RoleGrantList = z.object({ grants: z.array(RoleGrant) });
export type RoleGrantList = z.infer<typeof RoleGrantList>;

export const RoleGrantIdParams = z.object({ id: z.coerce.number().int().positive() });

export const StaffResponse = z.object({
  staff: StaffAccount,
  /** Only when the host generated the PIN (a new account without one, a PIN reset): shown once, never stored. */
  oneTimePin: Pin.optional(),
  /** The change asked for supervisor or technician: it waits for a second supervisor. */
  pendingGrant: RoleGrant.optional(),
});
export type StaffResponse = z.infer<typeof StaffResponse>;

export const StaffName = z.string().trim().min(1).max(40);

/** Without a PIN the host generates one and returns it once (`oneTimePin`). */
export const CreateStaffRequest = z.object({
  staffNo: StaffNo,
  name: StaffName,
  role: StaffRole,
  pin: Pin.optional(),
  windowNumber: z.number().int().positive().nullable().optional(),
});
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

/** Changing the PIN also clears a lockout; deactivating ends the account's sessions. */
export const UpdateStaffRequest = z.object({
  name: StaffName.optional(),
  role: StaffRole.optional(),
  pin: Pin.optional(),
  active: z.boolean().optional(),
  /** null: no usual window. */
  windowNumber: z.number().int().positive().nullable().optional(),
});
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;

export const StaffIdParams = z.object({ id: z.coerce.number().int().positive() });

/** One audit log line. `staffId` is who acted; `details` never holds a PIN or personal data. */
export const AuditEntry = z.object({
  id: z.number().int().positive(),
  at: z.iso.datetime(),
  staffId: z.number().int().positive().nullable(),
  windowId: z.number().int().positive().nullable(),
  action: z.string(),
  ticketId: z.number().int().positive().nullable(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  /** Entries after this id (0 = from the start): a reader pages by the last id it saw. */
  sinceId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditList = z.object({ entries: z.array(AuditEntry) });
export type AuditList = z.infer<typeof AuditList>;

/** A staff account in the host config file (the PIN arrives only as a hash: `node scripts/staff.mjs hash-pin`). */
/** A work phone citizens may call: digits, spaces, +, -, parentheses. */
export const WorkPhone = z.string().regex(/^[0-9+()\- ]{3,32}$/, 'expected a phone number');

export const StaffSeed = z.object({
  staffNo: StaffNo,
  name: StaffName,
  role: StaffRole,
  pinHash: PinHash,
  /** 首席服务管家: a steward's work phone, shown on the progress page of the cases they take. */
  stewardPhone: WorkPhone.optional(),
});
export type StaffSeed = z.infer<typeof StaffSeed>;
