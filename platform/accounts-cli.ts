import { DistrictPassword, DistrictRole, DistrictUsername } from '../contracts/platform-console';
import { migrate } from './db/migrate';
import type { Sql } from './db/sql';
import { DistrictStaffService } from './services/district-staff-service';

/** The environment variable the new account's password is read from: never an argument, which `ps` shows. */
export const ACCOUNT_PASSWORD_ENV = 'HALL_KIOSK_ACCOUNT_PASSWORD';

export interface NewAccountArgs {
  username: string | undefined;
  role: string | undefined;
  name: string | undefined;
}

/**
 * `platform --add-account NAME --role ROLE --display-name 张三` (password in
 * HALL_KIOSK_ACCOUNT_PASSWORD): how a district gets its first admin and its staff, on the
 * database the platform runs on. Migrates first, so it works on a new database too. Returns the
 * line to print; throws with a line saying what is wrong.
 */
export async function addAccountFromCli(sql: Sql, args: NewAccountArgs, env: NodeJS.ProcessEnv): Promise<string> {
  const username = DistrictUsername.safeParse(args.username);
  if (!username.success) throw new Error('--add-account: a username of 2–64 letters, digits, . - _');
  const role = DistrictRole.safeParse(args.role);
  if (!role.success) throw new Error(`--role: one of ${DistrictRole.options.join(', ')}`);
  const name = (args.name ?? '').trim();
  if (name === '' || name.length > 100) throw new Error('--display-name: the name the console shows (1–100 characters)');
  const password = DistrictPassword.safeParse(env[ACCOUNT_PASSWORD_ENV]);
  if (!password.success) throw new Error(`${ACCOUNT_PASSWORD_ENV}: the password, at least 8 characters`);
  await migrate(sql);
  const added = await new DistrictStaffService(sql, () => new Date()).addAccount({
    username: username.data,
    name,
    role: role.data,
    password: password.data,
  });
  if (!added) throw new Error(`an account ${username.data} exists already`);
  return `district account ${username.data} (${role.data}) added`;
}
