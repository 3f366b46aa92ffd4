import { z } from 'zod';
import { DeviceConfig } from './config';
import { DeviceHealth, DeviceState } from './health';

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

/** Why a test print did not come out (the printer driver's reasons). */
export const PrintFailure = z.enum(['paper-end', 'cover-open', 'offline', 'cutter-error', 'timeout', 'transport']);
export type PrintFailure = z.infer<typeof PrintFailure>;
/** How an LED screen failed to show the text (the screen driver's failure kinds). */
export const ScreenFailure = z.enum(['timeout', 'refused', 'frame', 'transport', 'closed']);
export type ScreenFailure = z.infer<typeof ScreenFailure>;

/**
 * What a device test found: a code and its parameters, which the console words in its own
 * language. `ok` and `detail` (the host's one line in English, for logs and other clients) stay
 * as they were, so an older reader of `{ ok, detail }` still understands the answer.
 */
const finding = z.object({ ok: z.boolean(), detail: z.string() });
export const DeviceTestResult = z.discriminatedUnion('code', [
  /** The printer confirmed the test ticket. */
  finding.extend({ code: z.literal('printed'), params: z.object({ bytes: z.number().int().nonnegative() }) }),
  finding.extend({ code: z.literal('print_failed'), params: z.object({ reason: PrintFailure }) }),
  /** Sent to the keypads bound to windows, by address. */
  finding.extend({ code: z.literal('keypad_sent'), params: z.object({ addresses: z.array(z.number().int()) }) }),
  /** No keypad address of this line is bound to a window: nothing to send to. */
  finding.extend({ code: z.literal('keypad_unbound'), params: z.object({}) }),
  /** Writing to the keypad line failed. */
  finding.extend({ code: z.literal('keypad_failed'), params: z.object({}) }),
  finding.extend({ code: z.literal('screen_shown'), params: z.object({}) }),
  /** `failure`: null when the screen gave no reason. */
  finding.extend({ code: z.literal('screen_failed'), params: z.object({ failure: ScreenFailure.nullable() }) }),
  /** A card lies on the reader and was read. */
  finding.extend({ code: z.literal('card_read'), params: z.object({}) }),
  /** The reader and its security module (SAM) answer; no card on it. */
  finding.extend({ code: z.literal('no_card'), params: z.object({ samId: z.string().nullable() }) }),
  /** The reader cannot read now; `state` is its health state. */
  finding.extend({ code: z.literal('reader_not_ready'), params: z.object({ state: DeviceState }) }),
  /** The action is not a test of this kind of device. */
  finding.extend({ code: z.literal('not_a_test'), params: z.object({ action: DeviceTestAction }) }),
]);
export type DeviceTestResult = z.infer<typeof DeviceTestResult>;
export type DeviceTestCode = DeviceTestResult['code'];

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
/** The virtual printer's last pages to show (oldest first). */
export const PrintPreviewQuery = z.object({ last: z.coerce.number().int().min(1).max(20).default(5) });
