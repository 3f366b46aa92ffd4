import { useEffect, useMemo, useState } from 'react';

/**
 * Wall clock in the hall's time zone (the host's, given by /health). Blank until the host has
 * answered: a clock in a guessed zone would be wrong for a hall outside it.
 */
export function Clock({ timeZone }: { timeZone: string | undefined }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  // One formatter per zone, not one per tick: building it loads ICU's calendar and zone data,
  // tens of milliseconds on a weak kiosk board, once a second, in the middle of the citizen's taps.
  const format = useMemo(
    () =>
      timeZone === undefined
        ? null
        : new Intl.DateTimeFormat('zh-CN', {
            timeZone,
            month: 'long',
            day: 'numeric',
            weekday: 'short',
            hour: '2-digit',
            minute: '2-digit',
            hour12: false,
          }),
    [timeZone],
  );
  if (format === null) return <time className="clock" />;
  const text = format.format(now);
  return <time className="clock">{text}</time>;
}
