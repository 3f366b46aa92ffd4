import { describe, expect, it } from 'vitest';
import { rolePageLines } from '../../../scripts/lib/role-pages.mjs';

/** What `npm start` prints when it serves headless: one address per role, the console's included. */
describe('role pages printed by npm start', () => {
  it('lists the kiosk, counter, display and technician console of the host', () => {
    expect(rolePageLines('http://127.0.0.1:7300')).toEqual([
      '  kiosk      http://127.0.0.1:7300/kiosk',
      '  counter    http://127.0.0.1:7300/counter',
      '  display    http://127.0.0.1:7300/display',
      '  technician http://127.0.0.1:7300/technician',
    ]);
  });
});
