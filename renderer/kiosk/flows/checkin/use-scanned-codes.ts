import { useEffect } from 'react';
import { createWedgeDetector } from '../../../scanner/wedge-detector';
import { useLatest } from '../../../ui/use-latest';
import { useKioskSession } from '../../shell/session';

/**
 * Codes read by this kiosk's QR scanner while `listening`, from either kind of scanner:
 * a serial (USB-CDC) scanner reaches the host, which sends `scanner.scanned` over the event
 * stream; a keyboard-wedge scanner "types" into the page, told from a person by its speed.
 * A code scanned while not listening (busy, result on screen) is dropped, not queued: the
 * citizen simply scans again. The codes are credentials: they are passed on, never kept.
 */
/** Returns whether the host's event stream (and so a serial scanner) is connected. */
export function useScannedCodes(listening: boolean, onCode: (code: string) => void): boolean {
  const latest = useLatest({ listening, onCode });

  const session = useKioskSession();

  // Serial scanners through the kiosk's event connection; a scan that opened this flow first.
  useEffect(() => {
    const pending = session.takePendingScan();
    if (pending !== null) latest.current.onCode(pending);
    return session.subscribe((event) => {
      if (event.type !== 'scanner.scanned' || !latest.current.listening) return false;
      latest.current.onCode(event.code);
      return true;
    });
  }, [session, latest]);

  useEffect(() => {
    if (!listening) return;
    const detector = createWedgeDetector();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const code = detector.feed(event.key, event.timeStamp);
      if (code === null) return;
      // The scanner's Enter must not also submit the code field it may have typed into.
      event.preventDefault();
      event.stopPropagation();
      latest.current.onCode(code);
    };
    // Capture phase: the scan is seen before any field or form reacts to the Enter.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [listening, latest]);
  return session.online;
}
