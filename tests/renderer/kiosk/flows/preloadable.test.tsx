import { act, render, screen } from '@testing-library/react';
import { Suspense, type ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../../../renderer/kiosk/flows/preloadable';

const Screen = () => <h2>办事申报</h2>;

function show(Component: ComponentType) {
  return render(
    <Suspense fallback={<p>加载中…</p>}>
      <Component />
    </Suspense>,
  );
}

describe('preloadable flow screens', () => {
  it('a screen whose code was fetched ahead opens at once, without a loading line first', async () => {
    const flow = preloadable(async () => ({ default: Screen }));
    await flow.preload();
    show(flow.component);
    // In the very first render: no suspended frame.
    expect(screen.getByRole('heading', { name: '办事申报' })).toBeTruthy();
    expect(screen.queryByText('加载中…')).toBeNull();
  });

  it('a screen opened before its code arrived shows the loading line, then the screen', async () => {
    let arrive: (module: { default: typeof Screen }) => void = () => undefined;
    const flow = preloadable(() => new Promise((resolve) => (arrive = resolve)));
    show(flow.component);
    expect(screen.getByText('加载中…')).toBeTruthy();
    await act(async () => arrive({ default: Screen }));
    expect(await screen.findByRole('heading', { name: '办事申报' })).toBeTruthy();
  });

  it('a fetch that failed (the host restarting) is tried again by the next preload', async () => {
    let calls = 0;
    const flow = preloadable(async () => {
      calls += 1;
      if (calls === 1) throw new Error('network');
      return { default: Screen };
    });
    await expect(flow.preload()).rejects.toThrow('network');
    await flow.preload();
    show(flow.component);
    expect(screen.getByRole('heading', { name: '办事申报' })).toBeTruthy();
    expect(calls).toBe(2);
  });
});
