/**
 * A clock for a platform under a browser test: it runs at the wall clock's pace from a chosen
 * instant, so two steps a click apart are apart in time too (the hall tells status changes apart
 * by their instant), and jumps ahead when the test says, so a deadline passes without waiting
 * for it.
 */
export class JumpingClock {
  private origin: number;
  private startedAt = Date.now();

  constructor(start: Date) {
    this.origin = start.getTime();
  }

  now(): Date {
    return new Date(this.origin + (Date.now() - this.startedAt));
  }

  /** From now on the clock reads `at`, and runs on from there. Never backwards: time a test saw stays past. */
  jumpTo(at: Date): void {
    if (at.getTime() < this.now().getTime()) throw new Error(`the clock would go back to ${at.toISOString()}`);
    this.origin = at.getTime();
    this.startedAt = Date.now();
  }
}
