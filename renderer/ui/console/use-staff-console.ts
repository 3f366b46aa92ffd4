import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { StaffPrincipal } from '../../../contracts/auth';
import type { HallEvent } from '../../../contracts/events';
import type { HostHealth } from '../../../contracts/health';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { refreshAfterEvent } from '../../api/refresh';
import { useHallEvents } from '../../api/use-hall-events';
import { useIdleSignOut } from '../use-idle-sign-out';
import { useLatest } from '../use-latest';

export type SignOutReason = 'user' | 'expired' | 'idle';

/** Whether a failure means the host no longer knows the session (expired, host restarted). */
export const isSessionGone = (error: unknown): boolean => error instanceof ApiClientError && error.code === 'unauthorized';

export interface StaffConsoleOptions {
  /** The first element of every query key of the console: signing out drops them all. */
  queryRoot: string;
  /** A console left alone is signed out after this long: it may sit on a desk or a kiosk in the public hall. */
  idleSignOutMs: number;
  /** The hall events the console itself listens for (a reconnect refetches everything already). */
  onEvent?: (event: HallEvent) => void;
  /** What else the console forgets at sign-out (its tab, a form left open). */
  onSignedOut?: () => void;
}

/** Who is signed in at a staff console, and the frame's part of its session. */
export interface StaffConsole {
  staff: StaffPrincipal | null;
  /** The last session ended without the user asking (expired, idle): the sign-in form says so. */
  expired: boolean;
  health: UseQueryResult<HostHealth>;
  /** Whether the hall's event stream is connected (the offline banner otherwise). */
  connected: boolean;
  signedIn(staff: StaffPrincipal): void;
  signOut(reason: SignOutReason): void;
  /** A failure from an event handler as the console's message; an expired session also signs out. */
  failed(error: unknown, describe: (error: unknown) => string): string;
}

/**
 * The session of a staff console (technician, manager), the same rules for both: signing out
 * drops every query of the console; after a reconnect (events may have been missed) everything is
 * fetched again; a console left idle signs out; leaving the page ends the session, since the token
 * must not outlive it; and a session the host no longer knows sends the console back to sign-in.
 */
export function useStaffConsole({ queryRoot, idleSignOutMs, onEvent, onSignedOut }: StaffConsoleOptions): StaffConsole {
  const api = useApi();
  const queryClient = useQueryClient();
  const [staff, setStaff] = useState<StaffPrincipal | null>(null);
  const [expired, setExpired] = useState(false);
  const health = useQuery({ queryKey: ['health'], queryFn: api.health, refetchInterval: 60_000 });
  const forget = useLatest(onSignedOut);

  const signOut = useCallback(
    (reason: SignOutReason) => {
      void api.signOut();
      queryClient.removeQueries({ queryKey: [queryRoot] });
      setStaff(null);
      forget.current?.();
      setExpired(reason !== 'user');
    },
    [api, queryClient, queryRoot, forget],
  );

  const connected = useHallEvents(
    (event) => onEvent?.(event),
    () => void refreshAfterEvent(queryClient, [queryRoot]),
  );

  useIdleSignOut(staff !== null, idleSignOutMs, () => signOut('idle'));

  // Leaving the console (another route of this window) ends the session.
  useEffect(() => {
    if (staff === null) return;
    return () => void api.signOut();
  }, [staff, api]);

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((e) => {
        if (
          e.type === 'updated' &&
          e.action.type === 'error' &&
          e.query.queryKey[0] === queryRoot &&
          isSessionGone(e.action.error)
        )
          signOut('expired');
      }),
    [queryClient, queryRoot, signOut],
  );

  const signedIn = useCallback((principal: StaffPrincipal) => {
    setExpired(false);
    setStaff(principal);
  }, []);

  const failed = useCallback(
    (error: unknown, describe: (error: unknown) => string) => {
      if (isSessionGone(error)) signOut('expired');
      return describe(error);
    },
    [signOut],
  );

  return { staff, expired, health, connected, signedIn, signOut, failed };
}
