// The renderer project's setup: the app's messages (zh-CN first, as a kiosk starts), and every
// rendered tree unmounted after its test (Testing Library cleans up by itself only with globals on).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { addAreaMessages, initI18n } from '../../../renderer/i18n';
import { technicianMessages } from '../../../renderer/technician/console-messages';

initI18n();
// The technician console's words, as TechnicianApp adds them when it loads (its screens are tested alone).
addAreaMessages(technicianMessages);
afterEach(() => cleanup());
