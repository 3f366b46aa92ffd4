import type { AreaMessages } from '../kiosk/messages/types';
import { dstCasesMessages } from './cases/messages';
import { dstCatalogMessages } from './catalog/messages';
import { dstIntakeMessages } from './complaints/intake-messages';
import { dstComplaintsMessages } from './complaints/messages';
import { dstDirectoryMessages } from './directory/messages';
import { dstHallsMessages } from './halls/messages';
import { dstIndicatorsMessages } from './indicators/messages';
import { dstLiveMessages } from './live/messages';
import { dstNoticesMessages } from './notices/messages';
import { dstStatisticsMessages } from './statistics/messages';
import { dstSettingsMessages } from './settings/messages';
import { districtShellMessages } from './shell-messages';

/** The district console's messages: the frame's and each section's, each under its own key. */
export const districtMessages: readonly AreaMessages[] = [
  districtShellMessages,
  dstCasesMessages,
  dstComplaintsMessages,
  dstStatisticsMessages,
  dstIntakeMessages,
  dstDirectoryMessages,
  dstSettingsMessages,
  dstNoticesMessages,
  dstCatalogMessages,
  dstHallsMessages,
  dstLiveMessages,
  dstIndicatorsMessages,
];
