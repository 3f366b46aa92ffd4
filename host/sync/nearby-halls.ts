import { LIVE_STALE_AFTER_SECONDS } from '../../contracts/central-api';
import type { NearbyHall, NearbyResponse } from '../../contracts/central-api';
import type { Clock } from '../clock/clock';
import type { CentralResult } from './central-client';

export interface NearbyHallsOptions {
  clock: Clock;
  /** This hall's id at the platform (the asking hall, left out of the answer). */
  hallId: string;
  ask: (hallId: string, service: string) => Promise<CentralResult<NearbyResponse>>;
  /** How long an answer (or the lack of one) is kept. Default 30 s. */
  ttlMs?: number;
}

/** Service codes remembered at most: a hall has a few dozen; a caller inventing codes cannot grow it. */
const MAX_ENTRIES = 64;

interface Entry {
  at: number;
  halls: Promise<NearbyHall[]>;
}

/**
 * The other halls' waiting for a service, as the district platform last said, for the kiosk's
 * 就近办 line. An answer is kept for 30 s, so kiosks looking at the same tiles cost the platform
 * one question per service and half-minute, and one in flight is shared. Offline, or with any
 * failure, the answer is "no halls": the line is a help, never an error on a citizen's screen;
 * that empty answer is kept as long, so an unreachable platform is not asked at every tap.
 */
export class NearbyHalls {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(private readonly o: NearbyHallsOptions) {
    this.ttlMs = o.ttlMs ?? 30_000;
  }

  async forService(service: string): Promise<NearbyHall[]> {
    const now = this.o.clock.now().getTime();
    let entry = this.entries.get(service);
    if (entry === undefined || now - entry.at >= this.ttlMs) {
      entry = { at: now, halls: this.fetch(service) };
      this.remember(service, entry, now);
    }
    const halls = await entry.halls;
    // Aged by the time the answer spent here, so a kept answer never looks fresher than it is.
    const kept = Math.max(0, Math.floor((this.o.clock.now().getTime() - entry.at) / 1000));
    return halls.map((h) => {
      const ageSeconds = h.ageSeconds + kept;
      return { ...h, ageSeconds, stale: h.stale || ageSeconds > LIVE_STALE_AFTER_SECONDS };
    });
  }

  private async fetch(service: string): Promise<NearbyHall[]> {
    try {
      const result = await this.o.ask(this.o.hallId, service);
      return result.ok ? result.body.halls : [];
    } catch {
      return [];
    }
  }

  private remember(service: string, entry: Entry, now: number): void {
    this.entries.delete(service);
    this.entries.set(service, entry);
    for (const [code, kept] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && now - kept.at < this.ttlMs) break;
      // Oldest first (a Map keeps insertion order, and an entry is re-inserted when renewed).
      this.entries.delete(code);
    }
  }
}
