const formatters = new Map<string, Intl.DateTimeFormat>();

/** `hall-kiosk-diagnostics-<hallId>-<YYYYMMDD-HHmm>.zip`, on the hall's clock. */
export function bundleFileName(hallId: string, at: Date, timeZone: string): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = fmt.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `hall-kiosk-diagnostics-${hallId}-${part('year')}${part('month')}${part('day')}-${part('hour')}${part('minute')}.zip`;
}
