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
import { techMessages } from '../../technician/messages';
import { displayMessages } from '../../display/messages';
import { pairMessages } from '../../pair/messages';
import { counterMessages } from '../../counter/messages';
import { techTerminalMessages } from '../../technician/terminal/messages';
import { techCameraMessages } from '../../technician/camera/messages';
import { techLogsMessages } from '../../technician/logs/messages';
import { hallSettingsMessages } from '../../technician/hall/messages';
import { configTransferMessages } from '../../technician/config/messages';
import { counterPriorityMessages } from '../../counter/priority-rating-messages';

/** Every kiosk area's messages; each area owns its own top-level key. */
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
  techMessages,
  displayMessages,
  pairMessages,
  counterMessages,
  techTerminalMessages,
  techCameraMessages,
  techLogsMessages,
  hallSettingsMessages,
  configTransferMessages,
  counterPriorityMessages,
];
