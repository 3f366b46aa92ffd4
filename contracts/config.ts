import { z } from 'zod';

/** How a device is reached. `simulated` runs the device's simulator over an in-memory link. */
export const DeviceTransportConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('simulated') }),
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) }),
  z.object({ type: z.literal('hid'), vendorId: z.number().int(), productId: z.number().int() }),
]);
export type DeviceTransportConfig = z.infer<typeof DeviceTransportConfig>;

export const DeviceConfig = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(['idcard', 'printer', 'caller', 'ledscreen', 'scanner']),
  transport: DeviceTransportConfig,
  pollIntervalMs: z.number().int().min(10).max(10_000).default(300),
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;

export const ServiceSeed = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  prefix: z.string().regex(/^[A-Z]$/),
  dailyLimit: z.number().int().positive().max(9999).default(999),
});

export const WindowSeed = z.object({
  number: z.number().int().positive(),
  name: z.string().min(1),
  /** Service codes in the order this window serves them. */
  services: z.array(z.string()).min(1),
});

/** The host's configuration file (JSON). Every field has the embedded default. */
export const HostConfig = z.object({
  role: z.enum(['kiosk', 'counter', 'display', 'technician']).default('kiosk'),
  hallName: z.string().default('政务服务中心'),
  timeZone: z.string().default('Asia/Shanghai'),
  listen: z
    .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(7300) })
    .prefault({}),
  /** Folder of the SQLite file and the install secret; defaults to the user data folder. */
  dataDir: z.string().optional(),
  centralApi: z
    .object({ url: z.url().default('http://127.0.0.1:7310'), token: z.string().default('dev-terminal-token') })
    .prefault({}),
  devices: z.array(DeviceConfig).default([
    { id: 'idcard-1', kind: 'idcard', transport: { type: 'simulated' }, pollIntervalMs: 300 },
  ]),
  services: z.array(ServiceSeed).default([
    { code: 'business-startup', name: '企业开办', nameEn: 'Business start-up', prefix: 'A', dailyLimit: 300 },
    { code: 'real-estate', name: '不动产登记', nameEn: 'Real estate registration', prefix: 'B', dailyLimit: 300 },
    { code: 'social-security', name: '社保医保', nameEn: 'Social & medical insurance', prefix: 'C', dailyLimit: 300 },
    { code: 'livelihood', name: '民生事项', nameEn: 'Livelihood services', prefix: 'D', dailyLimit: 300 },
    { code: 'business-appeal', name: '营商诉求', nameEn: 'Business complaints', prefix: 'E', dailyLimit: 100 },
    { code: 'consulting', name: '咨询', nameEn: 'Enquiries', prefix: 'F', dailyLimit: 500 },
  ]),
  windows: z.array(WindowSeed).default([
    { number: 1, name: '综合受理 1', services: ['business-startup', 'consulting'] },
    { number: 2, name: '综合受理 2', services: ['real-estate', 'livelihood', 'consulting'] },
    { number: 3, name: '社保医保', services: ['social-security', 'livelihood'] },
    { number: 4, name: '营商诉求', services: ['business-appeal', 'business-startup'] },
  ]),
});
export type HostConfig = z.infer<typeof HostConfig>;
export type HostConfigInput = z.input<typeof HostConfig>;
