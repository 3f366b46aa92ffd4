import { z } from 'zod';
import { DeviceConfig } from './config';
import { DeviceHealth } from './health';

/** A configured device with its live health, for the technician console. */
export const DeviceView = z.object({ config: DeviceConfig, health: DeviceHealth });
export type DeviceView = z.infer<typeof DeviceView>;
export const DeviceList = z.object({ devices: z.array(DeviceView) });
export type DeviceList = z.infer<typeof DeviceList>;

export const DeviceIdParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) });

/** What discovery found on this machine's buses. */
export const DiscoveredDevice = z.discriminatedUnion('bus', [
  z.object({
    bus: z.literal('serial'),
    path: z.string(),
    manufacturer: z.string().optional(),
    vendorId: z.string().optional(),
    productId: z.string().optional(),
  }),
  z.object({
    bus: z.literal('hid'),
    vendorId: z.number().int(),
    productId: z.number().int(),
    product: z.string().optional(),
    manufacturer: z.string().optional(),
  }),
]);
export type DiscoveredDevice = z.infer<typeof DiscoveredDevice>;
export const DiscoveryResult = z.object({
  devices: z.array(DiscoveredDevice),
  /** A bus that could not be listed (e.g. no libusb), with the reason. */
  errors: z.array(z.object({ bus: z.enum(['serial', 'hid']), message: z.string() })),
});
export type DiscoveryResult = z.infer<typeof DiscoveryResult>;

export const DeviceTestAction = z.enum(['print-test', 'beep', 'show-text', 'read-card']);
export type DeviceTestAction = z.infer<typeof DeviceTestAction>;
export const DeviceTestRequest = z.object({ action: DeviceTestAction, text: z.string().max(64).optional() });
export type DeviceTestRequest = z.infer<typeof DeviceTestRequest>;
export const DeviceTestResult = z.object({ ok: z.boolean(), detail: z.string() });
export type DeviceTestResult = z.infer<typeof DeviceTestResult>;

/** What the virtual printer decoded from the ESC/POS it received. */
export const PrintPreview = z.object({
  lines: z.array(
    z.object({
      text: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      bold: z.boolean(),
      align: z.enum(['left', 'center', 'right']),
    }),
  ),
  qrPayloads: z.array(z.string()),
  cuts: z.number().int().nonnegative(),
  unknownBytes: z.number().int().nonnegative(),
});
export type PrintPreview = z.infer<typeof PrintPreview>;
export const PrintPreviewList = z.object({ pages: z.array(PrintPreview) });
export type PrintPreviewList = z.infer<typeof PrintPreviewList>;
