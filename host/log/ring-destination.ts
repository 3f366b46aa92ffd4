import type { DestinationStream } from 'pino';
import type { LogRing } from './log-ring';

/**
 * A pino destination that keeps each line in the ring instead of writing it anywhere. pino
 * hands it the serialised line (after the redact paths); it is parsed back and masked by
 * the ring. A line that does not parse is dropped rather than kept unmasked.
 */
export function ringDestination(ring: LogRing): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) {
        if (line.trim() === '') continue;
        try {
          const record: unknown = JSON.parse(line);
          if (record !== null && typeof record === 'object' && !Array.isArray(record))
            ring.add(record as Record<string, unknown>);
        } catch {
          // Not JSON (never from pino): nothing safe to keep.
        }
      }
    },
  };
}
