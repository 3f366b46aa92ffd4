import type { Sql } from '../db/sql';

/**
 * Counts one submission of a public form by a client (its address's sha256) in the window that
 * began at `windowStart`, and answers the window's count with it: one upsert, shared by every
 * instance, so a limit holds however requests are spread. Windows before `windowStart` are
 * dropped by the same client's next count.
 */
export async function countAttempt(sql: Sql, clientHash: string, windowStart: Date): Promise<number> {
  const [row] = await sql.query<{ attempts: number }>(
    `WITH old AS (DELETE FROM public_form_attempts WHERE client_hash = $1 AND window_start < $2)
     INSERT INTO public_form_attempts AS a (client_hash, window_start, attempts) VALUES ($1, $2, 1)
     ON CONFLICT (client_hash, window_start) DO UPDATE SET attempts = a.attempts + 1
     RETURNING attempts`,
    [clientHash, windowStart.toISOString()],
  );
  if (row === undefined) throw new Error('the attempt count returned nothing');
  return row.attempts;
}
