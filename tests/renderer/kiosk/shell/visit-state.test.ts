import { describe, expect, it } from 'vitest';
import {
  hostEndEndsVisit,
  initialVisit,
  inVisit,
  type VisitAction,
  visitReducer,
  type VisitState,
} from '../../../../renderer/kiosk/shell/visit-state';

const run = (actions: VisitAction[], from: VisitState = initialVisit) => actions.reduce(visitReducer, from);
const defaults = { elder: false, muted: false };
const cardRead: VisitAction[] = [{ type: 'cardRead' }, { type: 'reader', citizen: true, cardOnReader: true }];

describe('the kiosk visit', () => {
  it('starts on the attract screen, as the host’s kiosk, in standard print with voice', () => {
    expect(initialVisit).toMatchObject({ view: { name: 'attract' }, seated: true, finished: false, elder: false, muted: false });
    expect(inVisit(initialVisit)).toBe(false);
  });

  it('wakes for a touch or a card, and for a card read it only learned of by re-reading the host', () => {
    expect(run([{ type: 'start' }]).view).toEqual({ name: 'home' });
    expect(run([{ type: 'cardRead' }]).view).toEqual({ name: 'home' });
    expect(run([{ type: 'reader', citizen: true, cardOnReader: true }]).view).toEqual({ name: 'home' });
    expect(inVisit(run([{ type: 'start' }]))).toBe(true);
  });

  it('opens flows and goes home; a flow that works without a card can be entered without one', () => {
    const flow = run([{ type: 'start' }, { type: 'open', flow: 'ticket' }]);
    expect(flow.view).toEqual({ name: 'flow', flow: 'ticket', withoutCard: false });
    expect(visitReducer(flow, { type: 'withoutCard' }).view).toEqual({ name: 'flow', flow: 'ticket', withoutCard: true });
    expect(visitReducer(flow, { type: 'home' }).view).toEqual({ name: 'home' });
    // Nothing to go past on the home screen.
    const home = run([{ type: 'start' }]);
    expect(visitReducer(home, { type: 'withoutCard' })).toBe(home);
  });

  it('keeps a finished flow up when the card leaves; opening anything else clears the flag', () => {
    const done = run([...cardRead, { type: 'open', flow: 'ticket' }, { type: 'finished', finished: true }]);
    const cardGone = visitReducer(done, { type: 'reader', citizen: false, cardOnReader: false });
    expect(cardGone.view).toEqual({ name: 'flow', flow: 'ticket', withoutCard: false });
    expect(cardGone.finished).toBe(true);
    expect(hostEndEndsVisit(done)).toBe(false);
    expect(visitReducer(done, { type: 'home' }).finished).toBe(false);
    expect(visitReducer(done, { type: 'open', flow: 'progress' }).finished).toBe(false);
  });

  it('ends a visit in progress when the host ends the identity, but not a finished one or none', () => {
    expect(hostEndEndsVisit(run([...cardRead]))).toBe(true);
    expect(hostEndEndsVisit(run([...cardRead, { type: 'open', flow: 'case' }]))).toBe(true);
    expect(hostEndEndsVisit(initialVisit)).toBe(false);
  });

  it('ends a visit: attract, flows remounted (new visit number), the kiosk’s defaults back', () => {
    const visit = run([...cardRead, { type: 'toggleElder' }, { type: 'toggleMute' }, { type: 'open', flow: 'case' }]);
    expect(visit).toMatchObject({ elder: true, muted: true });
    const ended = visitReducer(visit, { type: 'end', defaults });
    expect(ended).toMatchObject({ view: { name: 'attract' }, finished: false, elder: false, muted: false, pendingScan: null });
    expect(ended.visit).toBe(visit.visit + 1);
    expect(ended.reader).toEqual({ citizen: false, cardOnReader: false });
  });

  it('asks for the card back while it lies on the reader after the visit, until it is taken', () => {
    const ended = run([...cardRead, { type: 'end', defaults }]);
    // The host's answer to the end: the card is still there.
    const reminder = visitReducer(ended, { type: 'reader', citizen: false, cardOnReader: true });
    expect(reminder.view).toEqual({ name: 'takeCard' });
    expect(inVisit(reminder)).toBe(false);
    // A touch starts nothing meanwhile.
    expect(visitReducer(reminder, { type: 'start' }).view).toEqual({ name: 'takeCard' });
    // identity.card-removed: the reader is empty.
    expect(visitReducer(reminder, { type: 'reader', citizen: false, cardOnReader: false }).view).toEqual({ name: 'attract' });
    // A card read again (the same one put back, or the next citizen's) starts the next visit.
    expect(visitReducer(reminder, { type: 'cardRead' }).view).toEqual({ name: 'home' });
  });

  it('opens the check-in with a code scanned elsewhere, once, and leaves the check-in its own scans', () => {
    const scanned = run([{ type: 'start' }, { type: 'scanned', code: 'APPT-1' }]);
    expect(scanned.view).toEqual({ name: 'flow', flow: 'checkin', withoutCard: true });
    expect(scanned.pendingScan).toBe('APPT-1');
    expect(visitReducer(scanned, { type: 'scanTaken' }).pendingScan).toBeNull();
    const inCheckIn = run([{ type: 'start' }, { type: 'open', flow: 'checkin' }]);
    expect(visitReducer(inCheckIn, { type: 'scanned', code: 'APPT-2' })).toBe(inCheckIn);
    // A scan on the attract screen starts a visit with it.
    expect(run([{ type: 'scanned', code: 'APPT-3' }]).view.name).toBe('flow');
  });

  it('applies the kiosk’s options on the attract screen only: a citizen’s choices stand until their visit ends', () => {
    const options = { type: 'defaults', defaults: { elder: true, muted: true } } as const;
    expect(run([options])).toMatchObject({ elder: true, muted: true });
    const visiting = run([{ type: 'start' }]);
    expect(visitReducer(visiting, options)).toBe(visiting);
  });

  it('keeps 长辈版 switched on the attract screen when the kiosk’s options arrive after the tap', () => {
    const late = { type: 'defaults', defaults: { elder: false, muted: true } } as const;
    const tapped = run([{ type: 'toggleElder' }, late]);
    expect(tapped).toMatchObject({ elder: true, muted: true });
    // The next citizen starts from the options again.
    expect(visitReducer(tapped, { type: 'end', defaults: late.defaults })).toMatchObject({ elder: false, muted: true });
    expect(run([{ type: 'toggleElder' }, { type: 'end', defaults }, late])).toMatchObject({ elder: false });
  });

  it('stands aside while another page holds the kiosk seat', () => {
    const refused = run([{ type: 'start' }, { type: 'seat', granted: false }]);
    expect(refused.seated).toBe(false);
    expect(inVisit(refused)).toBe(false);
    expect(visitReducer(refused, { type: 'seat', granted: true }).seated).toBe(true);
  });

  it('returns the same state for an action that changes nothing (no render)', () => {
    expect(visitReducer(initialVisit, { type: 'reader', citizen: false, cardOnReader: false })).toBe(initialVisit);
    expect(visitReducer(initialVisit, { type: 'scanTaken' })).toBe(initialVisit);
    expect(visitReducer(initialVisit, { type: 'seat', granted: true })).toBe(initialVisit);
    expect(visitReducer(initialVisit, { type: 'finished', finished: false })).toBe(initialVisit);
  });
});
