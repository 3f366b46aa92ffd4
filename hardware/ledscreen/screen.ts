/**
 * What the host needs from a window LED screen, whatever the vendor. Each
 * vendor protocol is one implementation (BX: bx-screen.ts); the host holds a
 * `LedScreen` and never knows which.
 */
export type LedScreenState = 'ok' | 'no-device' | 'error';

export type LedScreenFailure =
  /** No answer within the timeout: screen off, wrong address, or cable. */
  | { kind: 'timeout'; timeoutMs: number }
  /** The screen answered but refused (vendor status code). */
  | { kind: 'refused'; status: number }
  /** The answer arrived broken (bad CRC, bad escape…); `detail` names how. */
  | { kind: 'frame'; detail: string }
  | { kind: 'transport'; message: string }
  /** close() was called while the command waited. */
  | { kind: 'closed' };

export class LedScreenError extends Error {
  override readonly name = 'LedScreenError';
  constructor(readonly failure: LedScreenFailure) {
    super(`LED screen: ${failure.kind}${'message' in failure ? `: ${failure.message}` : ''}`);
  }
}

export interface LedScreenHealth {
  state: LedScreenState;
  /** Failed commands and garbled bytes heard (line noise, broken frames) since construction. */
  errorCount: number;
  lastError?: LedScreenFailure;
}

export interface LedScreen {
  /** Replaces what the screen shows; resolves once the screen acknowledged, rejects with LedScreenError. */
  showText(lines: string[]): Promise<void>;
  clear(): Promise<void>;
  readonly health: LedScreenHealth;
}
