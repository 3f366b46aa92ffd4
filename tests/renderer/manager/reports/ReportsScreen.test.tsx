import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Report } from '../../../../contracts/reports';
import { addAreaMessages } from '../../../../renderer/i18n';
import { managerMessages } from '../../../../renderer/manager/messages';
import { hallToday, presetRange } from '../../../../renderer/manager/reports/report-range';
import ReportsScreen from '../../../../renderer/manager/reports/ReportsScreen';
import { ManagerSessionContext, type ManagerSession } from '../../../../renderer/manager/session';
import { fakeApi } from '../../support/fake-api';
import { renderScreen } from '../../support/render';
import { sampleReport } from './report-fixture';

// happy-dom has no canvas: the charts are stood in for by their labelled box (e2e draws the real ones).
vi.mock('../../../../renderer/manager/reports/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const TZ = 'Asia/Shanghai';
// The console adds its words when its frame loads; the section alone is rendered here.
addAreaMessages(managerMessages);

function session(role: 'supervisor' | 'technician' = 'supervisor'): ManagerSession {
  return {
    staff: { id: 2, staffNo: '9001', name: '王主任', role, windowId: null },
    canChange: role === 'supervisor',
    timeZone: TZ,
    describeError: () => '出错了',
    failed: () => '出错了',
  };
}

function renderReports(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const report = vi.fn(async (from: string, to: string) => Report.parse(sampleReport(from, to)));
  const reportExport = vi.fn(async (from: string, to: string) => ({
    blob: new Blob(['xlsx']),
    fileName: `hall-report-hall-01-${from}-${to}.xlsx`,
  }));
  const api = fakeApi({ report, reportExport, ...overrides });
  renderScreen(
    <ManagerSessionContext.Provider value={session()}>
      <ReportsScreen />
    </ManagerSessionContext.Provider>,
    api,
  );
  return { report, reportExport };
}

describe('the reports section (charts stood in: happy-dom has no canvas)', () => {
  it('opens on this month, on the hall’s clock, and shows the figures as tables beside the charts', async () => {
    const { report } = renderReports();
    const thisMonth = presetRange('thisMonth', hallToday(new Date(), TZ));
    await waitFor(() => expect(report).toHaveBeenCalledWith(thisMonth.from, thisMonth.to));
    expect((await screen.findByTestId('report-period')).textContent).toBe(
      `示例政务服务中心：${thisMonth.from} 至 ${thisMonth.to}`,
    );
    expect(screen.getByTestId('kpi-issued').textContent).toBe('120');
    expect(screen.getByTestId('kpi-avgWait').textContent).toBe('12:34');
    expect(screen.getByTestId('kpi-satisfaction').textContent).toBe('88.9%');
    const services = within(screen.getByTestId('report-services-table'));
    const row = services.getByRole('row', { name: /不动产登记/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['120', '110', '5.2%', '3', '12:34', '10:00', '25:00', '8:00', '81.9%', '45', '88.9%', '2', '50.0%']);
    // Nothing measured reads as a dash, not as zero.
    expect(within(services.getByRole('row', { name: /咨询/ })).getAllByRole('cell')[4]?.textContent).toBe('—');
    // Every chart is an image with a label pointing to its table.
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toContain('图表：好差评。图中数据见下表。');
    expect(
      within(screen.getByTestId('report-heat-table'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['星期', '9:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
  });

  it('asks for last month with a click, and refuses a custom range of more than a year before asking', async () => {
    const { report } = renderReports();
    const today = hallToday(new Date(), TZ);
    fireEvent.click(screen.getByLabelText('上月'));
    const lastMonth = presetRange('lastMonth', today);
    await waitFor(() => expect(report).toHaveBeenCalledWith(lastMonth.from, lastMonth.to));

    fireEvent.click(screen.getByLabelText('自定义'));
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2024-01-01' } });
    fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2025-06-30' } });
    expect((await screen.findByRole('alert')).textContent).toBe('统计区间最长 366 天，请缩短区间。');
    expect(screen.getByRole('button', { name: '查询' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(report).toHaveBeenCalledWith('2025-01-01', '2025-06-30'));
  });

  it('exports the period shown as an Excel file and says which', async () => {
    const { reportExport } = renderReports();
    const thisMonth = presetRange('thisMonth', hallToday(new Date(), TZ));
    await screen.findByTestId('report');
    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(reportExport).toHaveBeenCalledWith(thisMonth.from, thisMonth.to));
    expect((await screen.findByText(/已下载/)).textContent).toBe(
      `已下载 hall-report-hall-01-${thisMonth.from}-${thisMonth.to}.xlsx`,
    );
  });
});
