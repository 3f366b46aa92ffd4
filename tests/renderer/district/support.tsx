import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { DistrictRole, DistrictStaff } from '../../../contracts/platform-console';
import type { DistrictClient } from '../../../renderer/district/district-client';
import { DistrictClientError } from '../../../renderer/district/district-client';
import { districtMessages } from '../../../renderer/district/messages';
import { DistrictClientContext, DistrictSessionContext, mayCall, type DistrictSession } from '../../../renderer/district/session';
import { addAreaMessages } from '../../../renderer/i18n';

// The district page's words, beside the hall's (the test setup's): the console adds them at its start.
addAreaMessages(districtMessages);

/** A fake platform: every call not given answers 404, as a platform without that part would. */
export function fakeDistrict(overrides: Partial<DistrictClient> = {}): DistrictClient {
  const missing = () => Promise.reject(new DistrictClientError('not_found', 'not served'));
  const client: DistrictClient = {
    signIn: vi.fn(missing),
    signOut: vi.fn(async () => undefined),
    me: vi.fn(missing),
    searchCases: vi.fn(missing),
    caseDetail: vi.fn(missing),
    setCaseStatus: vi.fn(missing),
    notices: vi.fn(missing),
    createNotice: vi.fn(missing),
    withdrawNotice: vi.fn(missing),
    catalog: vi.fn(missing),
    addCatalogItem: vi.fn(missing),
    editCatalogItem: vi.fn(missing),
    retireCatalogItem: vi.fn(missing),
    halls: vi.fn(missing),
    hallCredentials: vi.fn(missing),
    issueCredential: vi.fn(missing),
    rotateCredential: vi.fn(missing),
    revokeCredential: vi.fn(missing),
    live: vi.fn(missing),
    complaintDirectory: vi.fn(missing),
    listComplaints: vi.fn(missing),
    complaintPage: vi.fn(missing),
    complaintAction: vi.fn(missing),
    indicatorTree: vi.fn(missing),
    saveIndicatorTree: vi.fn(missing),
    updateIndicatorLeaf: vi.fn(missing),
    indicatorPeriods: vi.fn(missing),
    openIndicatorPeriod: vi.fn(missing),
    closeIndicatorPeriod: vi.fn(missing),
    computeIndicatorPeriod: vi.fn(missing),
    periodLeaves: vi.fn(missing),
    leafEntries: vi.fn(missing),
    enterIndicatorValue: vi.fn(missing),
    reviewIndicatorValue: vi.fn(missing),
    periodScores: vi.fn(missing),
    indicatorTrend: vi.fn(missing),
    exportPeriodScores: vi.fn(missing),
    complaintStatistics: vi.fn(missing),
    exportComplaintStatistics: vi.fn(missing),
    assessmentRules: vi.fn(missing),
    putAssessmentRules: vi.fn(missing),
    registerHotline: vi.fn(missing),
    importMinxinBatch: vi.fn(missing),
    pendingMinxinReplies: vi.fn(missing),
    exportMinxinReplies: vi.fn(missing),
    createComplaintUnit: vi.fn(missing),
    updateComplaintUnit: vi.fn(missing),
    createComplaintPerson: vi.fn(missing),
    updateComplaintPerson: vi.fn(missing),
    createComplaintPersonAccount: vi.fn(missing),
    complaintCalendar: vi.fn(missing),
    setCalendarDay: vi.fn(missing),
    clearCalendarDay: vi.fn(missing),
    deadlineRules: vi.fn(missing),
    saveDeadlineRules: vi.fn(missing),
    dispatchRules: vi.fn(missing),
    saveDispatchRules: vi.fn(missing),
  };
  return { ...client, ...overrides };
}

export const staffOf = (role: DistrictRole): DistrictStaff => ({ username: 'li.ming', name: '李明', role });

/** A section rendered as the console renders it, signed in as `role`, against `client`. */
export function renderSection(
  ui: ReactNode,
  client: DistrictClient,
  role: DistrictRole,
): RenderResult & { queryClient: QueryClient } {
  const staff = staffOf(role);
  const session: DistrictSession = {
    staff,
    may: (operation) => mayCall(staff, operation),
    describeError: (error) => (error instanceof DistrictClientError ? `error:${error.code}` : 'error:generic'),
    failed: (error) => (error instanceof DistrictClientError ? `error:${error.code}` : 'error:generic'),
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const result = render(
    <DistrictClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <DistrictSessionContext.Provider value={session}>{ui}</DistrictSessionContext.Provider>
      </QueryClientProvider>
    </DistrictClientContext.Provider>,
  );
  return { ...result, queryClient };
}

/** The console itself (frame, sign-in, nav) against `client`. */
export function renderConsole(ui: ReactNode, client: DistrictClient): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  return render(
    <DistrictClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </DistrictClientContext.Provider>,
  );
}
