import type { AreaMessages } from '../kiosk/messages/types';
import { techCameraMessages } from './camera/messages';
import { configTransferMessages } from './config/messages';
import { techLogsMessages } from './logs/messages';
import { techMessages } from './messages';

/**
 * The technician console's words, added to i18next when its code loads (`TechnicianApp.tsx`), like
 * the manager console's: they never ship in a kiosk's, counter's or hall TV's download, whose
 * budget is 300 kB. (Backups add their own; the hall and terminal settings' words stay up front
 * for now, so the consoles' own 285 kB budget holds too.)
 */
export const technicianMessages: readonly AreaMessages[] = [
  techMessages,
  techCameraMessages,
  techLogsMessages,
  configTransferMessages,
];
