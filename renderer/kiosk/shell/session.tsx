import { createContext, useContext } from 'react';
import type { HallEvent } from '../../../contracts/events';
import type { HostHealth } from '../../../contracts/health';
import type { IdentityView } from '../../../contracts/identity';
import type { FlowId } from '../flows/flow-info';
import type { Voice } from './voice';

/**
 * What every kiosk screen may use. Personal data lives only in `citizen` (masked) and in the
 * flows' own state, which `endSession` throws away by remounting them.
 */
export interface KioskSession {
  /** The card holder at the kiosk (masked view), or null. */
  citizen: IdentityView | null;
  /** A card lies on the reader (also once its visit ended): final screens remind the citizen to take it. */
  cardOnReader: boolean;
  health: HostHealth | undefined;
  /** The hall host's event stream is connected. */
  online: boolean;
  /** 长辈版: larger type and targets, higher contrast, slower timeouts. */
  elder: boolean;
  toggleElder(): void;
  voice: Voice;
  /** Back to the home tiles (the citizen stays). */
  goHome(): void;
  /** Straight to another flow (e.g. from a closed 取号 to 进度查询); the citizen stays. */
  openFlow(flow: FlowId): void;
  /** Ends the citizen's visit: host session, queries, forms, screen — then the attract screen. */
  endSession(): Promise<void>;
  /**
   * A flow shows its final screen (ticket, receipt): taking the card away then does not tear
   * it down before the citizen has read it; the idle timer still ends it.
   */
  setFinished(finished: boolean): void;
  /** Restarts the idle countdown (the "more time" button does this too). */
  keepAlive(): void;
  /**
   * Hall events through the kiosk's one connection (a flow opening its own socket would miss
   * what arrives before it connects). A listener returning true has consumed the event.
   */
  subscribe(listener: (event: HallEvent) => boolean | void): () => void;
  /** A code scanned before any flow listened (it opened the check-in): handed over once. */
  takePendingScan(): string | null;
}

export const KioskSessionContext = createContext<KioskSession | null>(null);

export function useKioskSession(): KioskSession {
  const session = useContext(KioskSessionContext);
  if (!session) throw new Error('useKioskSession outside the kiosk');
  return session;
}
