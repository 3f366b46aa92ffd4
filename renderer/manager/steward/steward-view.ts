import type { StewardFollowUpStatus } from '../../../contracts/steward';
import { MANAGER_KEYS } from '../session';

/** The steward list's and detail's query keys (under the console's, so signing out drops them). */
export const STEWARD_KEY = [...MANAGER_KEYS.all, 'steward'] as const;

/** Each status at a glance: open amber, done green, contacted plain. */
export const STATUS_TONES: Record<StewardFollowUpStatus, string> = { open: 'tone-warn', contacted: '', done: 'tone-ok' };
