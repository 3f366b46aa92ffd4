// The renderer project's setup: the app's messages (zh-CN first, as a kiosk starts), and every
// rendered tree unmounted after its test (Testing Library cleans up by itself only with globals on).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../../../renderer/i18n';

initI18n();
afterEach(() => cleanup());
