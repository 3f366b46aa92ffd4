import type { CreateEvaluationRequest, LiveService, LiveSnapshot, QueueStatsRequest } from '../../../contracts/central-api';
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

/** A live service line: open, `waiting` people, about 4 minutes each at one window. */
export function liveService(code: string, waiting: number, overrides: Partial<LiveService> = {}): LiveService {
  return {
    code,
    open: true,
    waiting,
    longestWaitSeconds: waiting === 0 ? null : waiting * 240,
    openWindows: 1,
    estimatedWaitMinutes: waiting * 4,
    ...overrides,
  };
}

/** A hall's live snapshot at 10:00 Beijing time on the test day (FIXED_NOW), open, two services. */
export function sampleLive(overrides: Partial<LiveSnapshot> = {}): LiveSnapshot {
  return {
    hallId: 'hall-01',
    hallName: '东城区政务服务中心',
    takenAt: '2026-11-27T09:59:30+08:00',
    open: true,
    openWindows: 3,
    services: [liveService('QYTB-001', 6), liveService('business-startup', 2, { openWindows: 2 })],
    today: {
      businessDay: '2026-11-27',
      issued: 40,
      served: 30,
      noShow: 1,
      cancelled: 1,
      waiting: 8,
      inService: 2,
      avgWaitSeconds: 600,
      maxWaitSeconds: 1500,
      avgServiceSeconds: 300,
      serviceLevelPct: 87.5,
    },
    ...overrides,
  };
}
