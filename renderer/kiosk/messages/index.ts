import { caseMessages } from './case';
import { cameraMessages } from './camera';
import { checkinMessages } from './checkin';
import { complaintMessages } from './complaint';
import { evaluateMessages } from './evaluate';
import { guideMessages } from './guide';
import { progressMessages } from './progress';
import { shellMessages } from './shell';
import { stewardMessages } from './steward';
import { themeMessages } from './themes';
import { ticketMessages } from './ticket';
import type { AreaMessages } from './types';
import { displayMessages } from '../../display/messages';
import { pairMessages } from '../../pair/messages';
import { counterMessages } from '../../counter/messages';
import { techTerminalMessages } from '../../technician/terminal/messages';
import { hallSettingsMessages } from '../../technician/hall/messages';
import { counterPriorityMessages } from '../../counter/priority-rating-messages';

/**
 * The messages loaded up front (the kiosk's areas and the screens'); each area owns its own
 * top-level key. The staff consoles add theirs when their code loads (technician/console-messages.ts).
 */
export const kioskMessages: readonly AreaMessages[] = [
  shellMessages,
  ticketMessages,
  checkinMessages,
  caseMessages,
  cameraMessages,
  progressMessages,
  complaintMessages,
  evaluateMessages,
  guideMessages,
  stewardMessages,
  themeMessages,
  displayMessages,
  pairMessages,
  counterMessages,
  techTerminalMessages,
  hallSettingsMessages,
  counterPriorityMessages,
];
