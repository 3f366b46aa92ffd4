import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CurrentIdentity, IdentityView } from '../../../contracts/identity';
import { KioskApp } from '../../../renderer/kiosk/KioskApp';
import { fakeApi } from '../support/fake-api';
import { hallEvent } from '../support/fake-events';
import { renderScreen } from '../support/render';

const citizen: IdentityView = {
  sessionId: 'session-1',
  maskedName: '张*',
  maskedIdNumber: '110105********002X',
  cardKind: 'resident',
  ageBand: '40-49',
  readAt: '2027-03-01T01:00:00.000Z',
};

/**
 * The kiosk against a fake host whose reader the test controls: what GET /identity answers, and
 * what POST /identity/end does (the host forgets the holder; the card stays where it lies).
 */
function kiosk(start: CurrentIdentity, more: Parameters<typeof fakeApi>[0] = {}) {
  let reader = start;
  const endIdentity = vi.fn(async () => {
    reader = { identity: null, cardOnReader: reader.cardOnReader };
    return { cardOnReader: reader.cardOnReader };
  });
  const api = fakeApi({ identity: async () => reader, endIdentity, ...more });
  const rendered = renderScreen(<KioskApp />, api);
  return {
    ...rendered,
    endIdentity,
    /** The card is taken off the reader, and the host says so. */
    takeCard() {
      reader = { identity: null, cardOnReader: false };
      rendered.events.emit(hallEvent({ type: 'identity.card-removed' }));
    },
    /** A card is laid on the reader and read. */
    layCard() {
      reader = { identity: citizen, cardOnReader: true };
      rendered.events.emit(hallEvent({ type: 'identity.read', sessionId: citizen.sessionId }));
    },
  };
}

describe('KioskApp', () => {
  it('waits on the attract screen, and greets the card holder by masked name once a card is read', async () => {
    const k = kiosk({ identity: null, cardOnReader: false });
    expect(screen.getByTestId('attract')).toBeTruthy();
    k.layCard();
    expect(await screen.findByText('您好，张*')).toBeTruthy();
    expect(screen.queryByTestId('attract')).toBeNull();
  });

  it('fetches the queue services while the attract screen waits, before anyone touches 取号', async () => {
    const services = vi.fn(async () => ({ services: [] }));
    kiosk({ identity: null, cardOnReader: false }, { services });
    await waitFor(() => expect(services).toHaveBeenCalled());
    expect(screen.getByTestId('attract')).toBeTruthy();
  });

  it('wakes for a card that was read before the page loaded (no event ever reached it)', async () => {
    kiosk({ identity: citizen, cardOnReader: true });
    expect(await screen.findByText('您好，张*')).toBeTruthy();
  });

  it('asks for the ID card back when a visit ends with the card on the reader, and returns to attract once it is taken', async () => {
    const k = kiosk({ identity: citizen, cardOnReader: true });
    await screen.findByText('您好，张*');
    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    const reminder = await screen.findByTestId('take-card');
    expect(reminder.textContent).toContain('请取回您的身份证');
    expect(k.endIdentity).toHaveBeenCalledTimes(1);
    // Touching the screen meanwhile starts nothing: the next visit begins with a card.
    fireEvent.click(reminder);
    expect(screen.getByTestId('take-card')).toBeTruthy();
    k.takeCard();
    expect(await screen.findByTestId('attract')).toBeTruthy();
    expect(screen.queryByTestId('take-card')).toBeNull();
  });

  it('goes straight back to attract when a visit ends with no card on the reader', async () => {
    kiosk({ identity: null, cardOnReader: false });
    fireEvent.click(screen.getByRole('button', { name: /点击屏幕开始/ }));
    expect(await screen.findByText('您好，欢迎办理')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '退出' }));
    expect(await screen.findByTestId('attract')).toBeTruthy();
    expect(screen.queryByTestId('take-card')).toBeNull();
  });

  it('ends the visit when the host ends the identity (card timed out or taken during the visit)', async () => {
    const k = kiosk({ identity: citizen, cardOnReader: true });
    await screen.findByText('您好，张*');
    k.events.emit(hallEvent({ type: 'identity.ended', sessionId: citizen.sessionId, cardOnReader: false }));
    expect(await screen.findByTestId('attract')).toBeTruthy();
    expect(k.endIdentity).toHaveBeenCalledTimes(1);
  });

  it('shows the refusal when another page holds the kiosk seat, and ignores the reader meanwhile', async () => {
    const k = kiosk({ identity: null, cardOnReader: false });
    k.events.seat(false);
    expect(screen.getByTestId('kiosk-seat-taken').textContent).toContain('本机的自助终端已在另一个页面运行');
    // The refused page does not start a visit for a card read at the real kiosk...
    k.events.emit(hallEvent({ type: 'identity.read', sessionId: 'elsewhere' }));
    expect(screen.getByTestId('attract')).toBeTruthy();
    // ... and takes over once the host gives it the seat.
    k.events.seat(true);
    await waitFor(() => expect(screen.queryByTestId('kiosk-seat-taken')).toBeNull());
  });

  it('asks the host for its seat with one page id, and tags every request with it', () => {
    const setKioskPage = vi.fn();
    const api = fakeApi({ identity: async () => ({ identity: null, cardOnReader: false }), setKioskPage });
    const { events } = renderScreen(<KioskApp />, api);
    const [page] = events.kioskPages;
    expect(page).toMatch(/^[0-9a-f-]{36}$/);
    expect(setKioskPage).toHaveBeenCalledWith(page);
  });
});
