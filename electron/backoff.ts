/** Exponential back-off: `baseMs`, doubled per attempt after the first, never above `maxMs`. */
export function backoffDelay(attempt: number, o: { baseMs: number; maxMs: number }): number {
  if (attempt <= 0) return 0;
  return Math.min(o.baseMs * 2 ** Math.min(attempt - 1, 30), o.maxMs);
}
