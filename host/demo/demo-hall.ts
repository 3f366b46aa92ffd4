import { DEMO_CENTRAL_TOKEN, DeviceConfig, type HostConfig } from '../../contracts/config';
import { HallSettings } from '../../contracts/hall-settings';
import type { Db } from '../../db/open';
import { listDevices } from '../../db/repositories/devices';
import { readSetting } from '../../db/repositories/settings';

/**
 * Why the generator must not write into this hall, judged from the environment and the config
 * before any file is opened, or null. Invented history in a real hall's database would end up in
 * its reports (and its reports in the province's figures): a production hall has its own central
 * API token (a production host refuses the demo's), so a config without the demo token is a real
 * hall's.
 */
export function notADemoConfig(o: { environment: string | undefined; config: HostConfig }): string | null {
  if (o.environment === 'production') return 'HALL_KIOSK_ENV is production: demo history goes into the demo only';
  if (o.config.centralApi.token !== DEMO_CENTRAL_TOKEN)
    return 'the config has a real central API token: this is a production hall’s data folder, not the demo’s';
  return null;
}

/**
 * The hall settings of a demo hall's database, or why it is not one: a device on a real port
 * (serial or HID) is a production hall's (a production host refuses simulated devices, so any
 * real one means the folder has served a real hall).
 */
export function readDemoHall(db: Db): { ok: true; settings: HallSettings } | { ok: false; refusal: string } {
  for (const row of listDevices(db)) {
    const parsed = DeviceConfig.safeParse(JSON.parse(row.configJson));
    if (!parsed.success || parsed.data.transport.type !== 'simulated')
      return { ok: false, refusal: `device "${row.id}" is not simulated: this database belongs to a production hall` };
  }
  const settings = HallSettings.safeParse(readSetting(db, 'hall'));
  if (!settings.success) return { ok: false, refusal: 'the database has no hall settings this build can read' };
  return { ok: true, settings: settings.data };
}
