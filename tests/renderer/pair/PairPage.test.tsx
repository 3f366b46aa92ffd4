import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimPairingRequest } from '../../../contracts/pairing';
import { PairPage } from '../../../renderer/pair/PairPage';
import { fakeApi } from '../support/fake-api';
import { renderScreen } from '../support/render';

describe('/pair: a LAN browser says what it is', () => {
  it('claims the code as the kind chosen (a hall TV as a display) and then offers its page', async () => {
    const claims: ClaimPairingRequest[] = [];
    const claimPairing = vi.fn(async (request: ClaimPairingRequest) => {
      claims.push(request);
      return { terminalId: '00000000-0000-4000-8000-000000000000', token: 'cookie-only', caFingerprint: null };
    });
    renderScreen(<PairPage />, fakeApi({ claimPairing }));
    fireEvent.change(screen.getByLabelText('配对码'), { target: { value: '123456' } });
    fireEvent.change(screen.getByLabelText('终端名称'), { target: { value: '一楼大屏' } });
    // A counter PC unless told otherwise.
    expect(screen.getByRole<HTMLInputElement>('radio', { name: '窗口电脑（叫号）' }).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: '大厅显示屏' }));
    fireEvent.click(screen.getByRole('button', { name: '配对' }));
    await screen.findByText(/配对成功/);
    expect(claims).toEqual([{ code: '123456', name: '一楼大屏', kind: 'display' }]);
    expect(screen.getByRole('link', { name: '打开大厅显示屏' }).getAttribute('href')).toBe('/display');
  });

  it('a rating pad names its window, and is sent to /rate', async () => {
    const claims: ClaimPairingRequest[] = [];
    const claimPairing = vi.fn(async (request: ClaimPairingRequest) => {
      claims.push(request);
      return { terminalId: '00000000-0000-4000-8000-000000000000', token: 'cookie-only', caFingerprint: null };
    });
    renderScreen(<PairPage />, fakeApi({ claimPairing }));
    fireEvent.change(screen.getByLabelText('配对码'), { target: { value: '654321' } });
    fireEvent.change(screen.getByLabelText('终端名称'), { target: { value: '3号窗口评价器' } });
    // Only the rating pad asks for a window.
    expect(screen.queryByLabelText('所在窗口号')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '窗口评价器' }));
    fireEvent.change(screen.getByLabelText('所在窗口号'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: '配对' }));
    await screen.findByText(/配对成功/);
    expect(claims).toEqual([{ code: '654321', name: '3号窗口评价器', kind: 'evaluator', windowNumber: 3 }]);
    expect(screen.getByRole('link', { name: '打开窗口评价器' }).getAttribute('href')).toBe('/rate');
  });
});
