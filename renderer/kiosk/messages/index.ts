import { caseMessages } from './case';
import { checkinMessages } from './checkin';
import { complaintMessages } from './complaint';
import { evaluateMessages } from './evaluate';
import { guideMessages } from './guide';
import { progressMessages } from './progress';
import { shellMessages } from './shell';
import { stewardMessages } from './steward';
import { ticketMessages } from './ticket';
import type { AreaMessages } from './types';

/** Every kiosk area's messages; each area owns its own top-level key. */
export const kioskMessages: readonly AreaMessages[] = [
  shellMessages,
  ticketMessages,
  checkinMessages,
  caseMessages,
  progressMessages,
  complaintMessages,
  evaluateMessages,
  guideMessages,
  stewardMessages,
];
