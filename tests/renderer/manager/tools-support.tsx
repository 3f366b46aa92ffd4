import type { ReactNode } from 'react';
import type { StaffRole } from '../../../contracts/auth';
import type { ApiClient } from '../../../renderer/api/client';
import { addAreaMessages } from '../../../renderer/i18n';
import { managerMessages } from '../../../renderer/manager/messages';
import { errorKey, ManagerSessionContext, type ManagerSession } from '../../../renderer/manager/session';
import type { FakeEvents } from '../support/fake-events';
import { renderScreen, type Rendered } from '../support/render';

// The console adds its words when its code loads; a section rendered alone needs them too.
addAreaMessages(managerMessages);

/** A section of the manager console as the frame renders it: signed in as `role`, the hall in Beijing. */
export function renderSection(ui: ReactNode, api: ApiClient, role: StaffRole = 'supervisor', events?: FakeEvents): Rendered {
  const session: ManagerSession = {
    staff: { id: 1, staffNo: role === 'supervisor' ? '9001' : '8001', name: '王主任', role, windowId: null },
    canChange: role === 'supervisor',
    timeZone: 'Asia/Shanghai',
    describeError: (error) => `error:${errorKey(error)}`,
    failed: (error) => `error:${errorKey(error)}`,
  };
  return renderScreen(<ManagerSessionContext.Provider value={session}>{ui}</ManagerSessionContext.Provider>, api, events);
}
