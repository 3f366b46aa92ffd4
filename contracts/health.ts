import { z } from 'zod';
import { DeviceKind } from './config';

/** Health of a device as the technician console and the event stream show it. */
export const DeviceState = z.enum([
  'starting',
  'ok',
  'no-device',
  'error',
  'no-sam',
  'paper-near-end',
  'paper-end',
  'cover-open',
  'offline',
  'disabled',
]);
export type DeviceState = z.infer<typeof DeviceState>;

export const DeviceHealth = z.object({
  id: z.string(),
  kind: DeviceKind,
  simulated: z.boolean(),
  state: DeviceState,
  errorCount: z.number().int().nonnegative(),
  lastError: z.string().optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const HostHealth = z.object({
  status: z.literal('ok'),
  version: z.string(),
  role: z.enum(['kiosk', 'counter', 'display', 'technician']),
  hallName: z.string(),
  timeZone: z.string(),
  businessDay: z.iso.date(),
  devices: z.array(DeviceHealth),
});
export type HostHealth = z.infer<typeof HostHealth>;
