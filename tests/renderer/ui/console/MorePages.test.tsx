import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MorePages } from '../../../../renderer/ui/console/MorePages';

describe('“show more” under a paged list', () => {
  it('asks for the next page while the host has one, and waits while it comes', () => {
    const fetchNextPage = vi.fn(async () => undefined);
    const { rerender } = render(
      <MorePages query={{ hasNextPage: true, isFetchingNextPage: false, fetchNextPage }} label="显示更多" />,
    );
    fireEvent.click(screen.getByRole('button', { name: '显示更多' }));
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
    rerender(<MorePages query={{ hasNextPage: true, isFetchingNextPage: true, fetchNextPage }} label="显示更多" />);
    expect((screen.getByRole('button', { name: '显示更多' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<MorePages query={{ hasNextPage: false, isFetchingNextPage: false, fetchNextPage }} label="显示更多" />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
