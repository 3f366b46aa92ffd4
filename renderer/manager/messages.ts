import type { AreaMessages } from '../kiosk/messages/types';
import { floorMessages } from './floor/messages';
import { mgrReportsMessages } from './reports/messages';
import { managerHoursMessages } from './hours/messages';
import { reviewMessages } from './reviews/messages';
import { managerShellMessages } from './shell-messages';
import { mgrAppointmentsMessages } from './appointments/messages';
import { mgrAuditMessages } from './audit/messages';
import { mgrNoticesMessages } from './notices/messages';
import { mgrStewardMessages } from './steward/messages';

/**
 * The manager console's messages: the shell's and each section's, every area under its own
 * top-level key. Added to i18next when the console's code loads (`addAreaMessages`), so kiosks,
 * counters and hall screens never download them.
 */
export const managerMessages: readonly AreaMessages[] = [
  managerShellMessages,
  floorMessages,
  reviewMessages,
  mgrReportsMessages,
  managerHoursMessages,
  mgrAppointmentsMessages,
  mgrStewardMessages,
  mgrNoticesMessages,
  mgrAuditMessages,
];
