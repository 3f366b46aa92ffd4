import type { CreateEvaluationRequest, QueueStatsRequest } from '../../../contracts/central-api';
import type { Platform } from '../../../platform/server';

/** Listens on an ephemeral loopback port and returns the base URL (`http://127.0.0.1:PORT`). */
export async function listenOnPort(api: Platform): Promise<string> {
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
