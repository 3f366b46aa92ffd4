import { useEffect } from 'react';
import type { HallEvent } from '../../../contracts/events';
import { useLatest } from '../../ui/use-latest';
import { useKioskSession } from './session';

/**
 * Hall events for a flow, through the kiosk's single connection (so nothing is missed while a
 * socket would connect). Return true from the listener when the flow used the event: an
 * unused scan would otherwise open the appointment check-in.
 */
export function useKioskEvents(listener: (event: HallEvent) => boolean | void): void {
  const session = useKioskSession();
  const latest = useLatest(listener);
  const { subscribe } = session;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe, latest]);
}
