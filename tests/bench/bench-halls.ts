import type { Platform } from '../../platform/server';
import { bearer, communityCentre, registerHallWithCredential } from '../platform/support/halls';

/** One of a bench's registered halls, with its own credential as request headers. */
export interface BenchHall {
  hallId: string;
  name: string;
  auth: Record<string, string>;
}

/** The `n`th bench hall's id, `hall-000`…: the ids million-cases.ts gives its cases, so both name the same halls. */
export const benchHallId = (n: number): string => `hall-${String(n).padStart(3, '0')}`;

/**
 * Registers `count` community centres through the admin API, each with a credential of its own
 * (tests/platform/support/halls.ts), as a district does before its halls go live. The platform
 * must take the tests' admin token (tests/platform/support/platform.ts `ADMIN_TOKEN`). One after
 * another: it is set-up, never measured, and a few seconds for 500 halls.
 */
export async function registerBenchHalls(api: Platform, count: number): Promise<BenchHall[]> {
  const halls: BenchHall[] = [];
  for (let n = 0; n < count; n++) {
    const hallId = benchHallId(n);
    const name = `第${n}社区政务服务中心`;
    const credential = await registerHallWithCredential(api, communityCentre(hallId, name));
    halls.push({ hallId, name, auth: bearer(credential.token) });
  }
  return halls;
}
