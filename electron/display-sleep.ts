import { powerSaveBlocker } from 'electron';

/** Keeps a kiosk's or a hall TV's screen on; a counter or technician window lets it sleep. */
export class DisplaySleep {
  private blocker: number | null = null;

  keepOn(on: boolean): void {
    if (on && this.blocker === null) this.blocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!on && this.blocker !== null) {
      powerSaveBlocker.stop(this.blocker);
      this.blocker = null;
    }
  }
}
