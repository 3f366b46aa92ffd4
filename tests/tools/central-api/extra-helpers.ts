import type { CreateEvaluationRequest, QueueStatsRequest } from '../../../contracts/central-api';
import { openCentralDatabase } from '../../../tools/central-api/database';
import type { CentralApi } from '../../../tools/central-api/server';

type Table = 'cases' | 'evaluations' | 'queue_stats' | 'idempotent_requests' | 'appointments' | 'notices';

/** Rows in a table, read through a second connection as an outside observer would. */
export function countTable(file: string, table: Table): number {
  const db = openCentralDatabase(file);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Listens on an ephemeral port and returns the base URL (`http://127.0.0.1:PORT`). */
export async function listenOnPort(api: CentralApi): Promise<string> {
  await api.app.listen({ host: '127.0.0.1', port: 0 });
  const address = api.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export function sampleEvaluation(overrides: Partial<CreateEvaluationRequest> = {}): CreateEvaluationRequest {
  return {
    hallId: 'hall-01',
    terminalId: 'kiosk-03',
    subject: { kind: 'ticket', ticketNumber: 'A012', windowId: 'W05', staffNumber: 'S0231' },
    level: 'very_satisfied',
    evaluatedAt: '2026-11-27T09:58:00+08:00',
    ...overrides,
  };
}

export function sampleStats(overrides: Partial<QueueStatsRequest> = {}): QueueStatsRequest {
  return {
    hallId: 'hall-01',
    businessDay: '2026-11-27',
    figures: { ticketsIssued: 412, served: 398, noShows: 14, avgWaitSeconds: 540 },
    ...overrides,
  };
}
