import { z } from 'zod';

export const DeviceHealth = z.object({
  id: z.string(),
  kind: z.enum(['idcard', 'printer', 'caller', 'ledscreen', 'scanner']),
  simulated: z.boolean(),
  state: z.enum(['ok', 'no-sam', 'no-device', 'error', 'starting']),
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
