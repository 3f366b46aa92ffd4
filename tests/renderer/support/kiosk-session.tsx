import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { IdentityView } from '../../../contracts/identity';
import { kioskPromptText } from '../../../contracts/kiosk-prompts';
import { KioskSessionContext, type KioskSession } from '../../../renderer/kiosk/shell/session';
import { KeyboardProvider } from '../../../renderer/ui/keyboard/KeyboardProvider';

/** An invented card holder, as the host shows one (masked). */
export const MASKED_CITIZEN: IdentityView = {
  sessionId: 'session-1',
  maskedName: '张*',
  maskedIdNumber: '110105********002X',
  cardKind: 'resident',
  ageBand: '70-79',
  readAt: '2027-03-01T01:00:00.000Z',
};

/**
 * A kiosk flow as the shell runs it, without the shell: the visit's session (a card holder at the
 * kiosk, spoken prompts recorded in `said` as their Chinese sentences) and the on-screen keyboard
 * around `ui`.
 */
export function inKioskVisit(ui: ReactNode, session: Partial<KioskSession> = {}) {
  const said: string[] = [];
  const value: KioskSession = {
    citizen: MASKED_CITIZEN,
    cardOnReader: true,
    health: undefined,
    online: true,
    elder: false,
    toggleElder: vi.fn(),
    voice: { muted: false, toggleMute: vi.fn(), say: (prompt) => said.push(kioskPromptText(prompt, 'zh')), stop: vi.fn() },
    goHome: vi.fn(),
    openFlow: vi.fn(),
    endSession: vi.fn(async () => undefined),
    setFinished: vi.fn(),
    keepAlive: vi.fn(),
    subscribe: () => () => undefined,
    takePendingScan: () => null,
    ...session,
  };
  return {
    said,
    ui: (
      <KioskSessionContext.Provider value={value}>
        <KeyboardProvider>{ui}</KeyboardProvider>
      </KioskSessionContext.Provider>
    ),
  };
}
