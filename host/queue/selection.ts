import type { Candidate } from '../../db/repositories/tickets';

export interface ServiceHeads {
  priority?: Candidate;
  normal?: Candidate;
}

/**
 * Which waiting ticket a window calls next:
 * 1. tickets a colleague transferred to this very window, oldest first;
 * 2. otherwise the window's services in their order, the first with anyone waiting;
 * 3. within it priority tickets (appointment, elder, disabled, green channel) first,
 *    except that after `burst` priority calls in a row a waiting normal ticket goes
 *    next, so normal tickets are never starved;
 * 4. longest waiting (lowest queue key) within a class.
 */
export function chooseNext(
  targeted: readonly Candidate[],
  servicesInOrder: Iterable<ServiceHeads>,
  streak: () => number,
  burst: number,
): Candidate | undefined {
  if (targeted[0]) return targeted[0];
  // Lazy on purpose: each service's heads and the streak are database reads, and a busy window
  // usually finds someone in its first service (and only a mixed line needs the streak).
  for (const heads of servicesInOrder) {
    if (!heads.priority && !heads.normal) continue;
    if (heads.priority && heads.normal) return streak() >= burst ? heads.normal : heads.priority;
    return heads.priority ?? heads.normal;
  }
  return undefined;
}
