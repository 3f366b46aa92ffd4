import { describe, expect, it } from 'vitest';
import { ApiClientError } from '../../../../renderer/api/client';
import { deadlineOf, monthSoFar, refusalKey } from '../../../../renderer/manager/reviews/review-logic';

const open = { status: 'open', rectification: null, overdue: false, workingDaysLeft: 3, workingDaysOverdue: null } as const;

describe('the 差评 section’s logic', () => {
  it('reads a deadline as days left, due today, days overdue, or how the rectification went', () => {
    expect(deadlineOf(open)).toEqual({ key: 'mgrReviews.deadline.left', count: 3, tone: 'ok' });
    expect(deadlineOf({ ...open, workingDaysLeft: 1 }).tone).toBe('warn');
    expect(deadlineOf({ ...open, workingDaysLeft: 0 })).toEqual({ key: 'mgrReviews.deadline.dueToday', tone: 'warn' });
    expect(deadlineOf({ ...open, overdue: true, workingDaysLeft: null, workingDaysOverdue: 2 })).toEqual({
      key: 'mgrReviews.deadline.overdue',
      count: 2,
      tone: 'bad',
    });
    const rectified = { text: 'x', at: '2026-12-01T01:00:00.000Z', by: '9001' };
    expect(deadlineOf({ ...open, rectification: { ...rectified, onTime: false } }).key).toBe('mgrReviews.deadline.rectifiedLate');
    expect(deadlineOf({ ...open, status: 'overturned' }).tone).toBe('off');
  });

  it('names the rates’ default range and the loop’s refusals', () => {
    expect(monthSoFar('2026-12-08')).toEqual({ from: '2026-12-01', to: '2026-12-08' });
    expect(refusalKey(new ApiClientError('review_out_of_order', 'x', { step: 'close', needs: 'called_back' }))).toBe(
      'mgrReviews.errors.needs.called_back',
    );
    expect(refusalKey(new ApiClientError('review_own_appeal', 'x'))).toBe('mgrReviews.errors.review_own_appeal');
    expect(refusalKey(new ApiClientError('invalid_request', 'x', { field: 'calledAt' }))).toBe('mgrReviews.errors.calledAt');
    expect(refusalKey(new ApiClientError('network', 'x'))).toBeNull();
  });
});
