import { CameraChoice, type CameraChoiceInput } from '../../contracts/camera';
import type { Db } from '../../db/open';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import type { EventBus } from '../events/event-bus';

const KEY = 'camera';

/**
 * This kiosk's document camera, chosen by label in the technician console (contracts/camera.ts).
 * Kept beside the terminal settings (one row of `settings`) rather than inside them, so saving the
 * terminal screen never clears the camera and the camera's own screen never touches the rest.
 * A change is stored and audited in one transaction, then announced as a terminal settings
 * change, which the kiosk page already follows.
 */
export class CameraChoiceStore {
  private current: CameraChoice;

  constructor(private readonly o: { db: Db; clock: Clock; bus: EventBus }) {
    const parsed = CameraChoice.safeParse(readSetting(o.db, KEY) ?? {});
    // A document this version cannot read is treated as no camera: the tick list still works.
    this.current = parsed.success ? parsed.data : CameraChoice.parse({});
  }

  get(): CameraChoice {
    return this.current;
  }

  /** Throws a ZodError (a 400 at the API) on a label that is no label. */
  update(input: CameraChoiceInput, actor: { staffId: number | null }): CameraChoice {
    const next = CameraChoice.parse(input);
    this.o.db.transaction(() => {
      writeSetting(this.o.db, KEY, next, this.o.clock.now().toISOString());
      // The label is a device's name, never a person's; `camera` keeps the audit scrubber's /name/ rule off it.
      audit(this.o.db, this.o.clock, 'settings.camera', { staffId: actor.staffId, details: { camera: next.label } });
    })();
    this.current = next;
    this.o.bus.publish({ type: 'settings.changed', scope: 'terminal' });
    return next;
  }
}
