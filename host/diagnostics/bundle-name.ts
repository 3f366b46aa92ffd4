import { localClock } from '../queue/schedule';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `hall-kiosk-diagnostics-<hallId>-<YYYYMMDD-HHmm>.zip`, on the hall's clock. */
export function bundleFileName(hallId: string, at: Date, timeZone: string): string {
  const { date, minutes } = localClock(at, timeZone);
  const time = `${pad2(Math.floor(minutes / 60))}${pad2(minutes % 60)}`;
  return `hall-kiosk-diagnostics-${hallId}-${date.replaceAll('-', '')}-${time}.zip`;
}
