import { z } from 'zod';
import type { DeviceConfig, DeviceConfigInput, DeviceKind } from '../../contracts/config';
import type { DiscoveredDevice } from '../../contracts/devices';

/**
 * The device form's state and its mapping to and from a DeviceConfig. Pure, so it is unit-tested.
 * Every field is kept as typed text: the host's DeviceConfig schema is the one judge of a value
 * (its refusals come back on the fields), the form only checks that required fields are filled.
 */

export type TransportType = DeviceConfig['transport']['type'];
export type PaperWidth = '58' | '80';
export type ScannerMode = 'line' | 'hid-pos';
export type ScannerTerminator = 'CR' | 'LF' | 'CRLF';

export interface BindingRow {
  address: string;
  windowNumber: string;
}

export interface DeviceForm {
  id: string;
  name: string;
  kind: DeviceKind;
  enabled: boolean;
  transport: TransportType;
  path: string;
  baudRate: string;
  vendorId: string;
  productId: string;
  pollIntervalMs: string;
  paperWidth: PaperWidth;
  /** Printer header and footer lines, one per line of the text area. */
  header: string;
  footer: string;
  bindings: BindingRow[];
  ledWindowNumber: string;
  ledAddress: string;
  scannerMode: ScannerMode;
  scannerTerminator: ScannerTerminator;
}

/** The device form open on the devices screen: a new device (maybe from discovery) or an edit. */
export type Editing = { mode: 'add'; form: DeviceForm } | { mode: 'edit'; config: DeviceConfig };

export const DEVICE_KINDS: readonly DeviceKind[] = ['idcard', 'printer', 'caller', 'ledscreen', 'scanner'];

/**
 * The factory baud rate of each kind, as the host's drivers assume it. Written into the form
 * because the config schema defaults a missing baud to 115200 for every kind.
 */
export const DEFAULT_BAUD: Record<DeviceKind, number> = {
  idcard: 115200,
  printer: 115200,
  caller: 9600,
  ledscreen: 9600,
  scanner: 9600,
};

/** Id prefixes the embedded default uses (idcard-1, printer-1, keypad-1, led-1, scanner-1). */
const ID_PREFIX: Record<DeviceKind, string> = {
  idcard: 'idcard',
  printer: 'printer',
  caller: 'keypad',
  ledscreen: 'led',
  scanner: 'scanner',
};

/** The first free `<prefix>-<n>` for a new device of `kind`. */
export function suggestId(kind: DeviceKind, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${ID_PREFIX[kind]}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A USB vendor or product id as technicians read it on labels and in lsusb: 0x1a86. */
export function hex4(n: number): string {
  return `0x${n.toString(16).padStart(4, '0')}`;
}

/**
 * A typed number: '' is "not given", 0x… is hexadecimal (USB ids), anything else decimal.
 * Text that is no number becomes NaN, which travels as null and the host refuses it on its field.
 */
export function parseNumber(text: string): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  if (/^0x[0-9a-f]+$/i.test(value)) return Number.parseInt(value.slice(2), 16);
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}

export function blankForm(kind: DeviceKind, taken: ReadonlySet<string>): DeviceForm {
  return {
    id: suggestId(kind, taken),
    name: '',
    kind,
    enabled: true,
    transport: 'simulated',
    path: '',
    baudRate: String(DEFAULT_BAUD[kind]),
    vendorId: '',
    productId: '',
    pollIntervalMs: '300',
    paperWidth: '80',
    header: '',
    footer: '',
    bindings: [{ address: '1', windowNumber: '1' }],
    ledWindowNumber: '1',
    ledAddress: '1',
    scannerMode: 'line',
    scannerTerminator: 'CR',
  };
}

/** "Add as…" from discovery: the port path or the USB ids are filled in. */
export function formFromDiscovery(found: DiscoveredDevice, kind: DeviceKind, taken: ReadonlySet<string>): DeviceForm {
  const form = blankForm(kind, taken);
  if (found.bus === 'serial') return { ...form, transport: 'serial', path: found.path };
  return {
    ...form,
    transport: 'hid',
    vendorId: hex4(found.vendorId),
    productId: hex4(found.productId),
    // A scanner found on the HID bus is a HID POS scanner, not a serial line one.
    scannerMode: kind === 'scanner' ? 'hid-pos' : form.scannerMode,
  };
}

export function formFromConfig(config: DeviceConfig): DeviceForm {
  const t = config.transport;
  const o = config.options;
  return {
    id: config.id,
    name: config.name ?? '',
    kind: config.kind,
    enabled: config.enabled,
    transport: t.type,
    path: t.type === 'serial' ? t.path : '',
    baudRate: String(t.type === 'serial' ? (t.baudRate ?? DEFAULT_BAUD[config.kind]) : DEFAULT_BAUD[config.kind]),
    vendorId: t.type === 'hid' ? hex4(t.vendorId) : '',
    productId: t.type === 'hid' ? hex4(t.productId) : '',
    pollIntervalMs: String(config.pollIntervalMs),
    paperWidth: o.printer?.paperWidth === 58 ? '58' : '80',
    header: (o.printer?.header ?? []).join('\n'),
    footer: (o.printer?.footer ?? []).join('\n'),
    bindings: (o.caller?.bindings ?? []).map((b) => ({ address: String(b.address), windowNumber: String(b.windowNumber) })),
    ledWindowNumber: String(o.ledscreen?.windowNumber ?? ''),
    ledAddress: String(o.ledscreen?.address ?? 1),
    scannerMode: o.scanner?.mode ?? 'line',
    scannerTerminator: o.scanner?.terminator ?? 'CR',
  };
}

/**
 * A new device's kind changed in the form: an id and a baud rate that were still the
 * suggestions for the old kind follow the new one; anything the technician typed stays.
 */
export function withKind(form: DeviceForm, kind: DeviceKind, taken: ReadonlySet<string>): DeviceForm {
  const id = form.id === suggestId(form.kind, taken) ? suggestId(kind, taken) : form.id;
  const baudRate = form.baudRate === String(DEFAULT_BAUD[form.kind]) ? String(DEFAULT_BAUD[kind]) : form.baudRate;
  return { ...form, kind, id, baudRate };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');

/**
 * The config to PUT. Settings the form does not show (a keypad's model overrides, another
 * kind's option block) are kept from the device's current config.
 */
export function configFromForm(form: DeviceForm, original?: DeviceConfig): DeviceConfigInput {
  const transport: DeviceConfigInput['transport'] =
    form.transport === 'simulated'
      ? { type: 'simulated' }
      : form.transport === 'serial'
        ? { type: 'serial', path: form.path.trim(), baudRate: parseNumber(form.baudRate) }
        : {
            type: 'hid',
            vendorId: parseNumber(form.vendorId) ?? Number.NaN,
            productId: parseNumber(form.productId) ?? Number.NaN,
          };
  const options: NonNullable<DeviceConfigInput['options']> = original?.kind === form.kind ? { ...original.options } : {};
  switch (form.kind) {
    case 'printer':
      options.printer = {
        paperWidth: form.paperWidth === '58' ? 58 : 80,
        header: lines(form.header),
        footer: lines(form.footer),
      };
      break;
    case 'caller':
      options.caller = {
        ...options.caller,
        bindings: form.bindings.map((b) => ({
          address: parseNumber(b.address) ?? Number.NaN,
          windowNumber: parseNumber(b.windowNumber) ?? Number.NaN,
        })),
      };
      break;
    case 'ledscreen':
      options.ledscreen = {
        windowNumber: parseNumber(form.ledWindowNumber) ?? Number.NaN,
        address: parseNumber(form.ledAddress),
      };
      break;
    case 'scanner':
      // A scanner configured without the block keeps it absent while the form holds its defaults.
      if (options.scanner !== undefined || form.scannerMode !== 'line' || form.scannerTerminator !== 'CR')
        options.scanner = { mode: form.scannerMode, terminator: form.scannerTerminator };
      break;
    case 'idcard':
      break;
  }
  const name = form.name.trim();
  return {
    id: form.id.trim(),
    kind: form.kind,
    ...(name === '' ? {} : { name }),
    transport,
    enabled: form.enabled,
    pollIntervalMs: parseNumber(form.pollIntervalMs),
    options,
  };
}

/** Fields the form checks itself: required ones left empty (the host judges every value). */
export function missingFields(form: DeviceForm): string[] {
  const missing: string[] = [];
  const empty = (s: string) => s.trim() === '';
  if (empty(form.id)) missing.push('id');
  if (form.transport === 'serial' && empty(form.path)) missing.push('path');
  if (form.transport === 'hid') {
    if (empty(form.vendorId)) missing.push('vendorId');
    if (empty(form.productId)) missing.push('productId');
  }
  if (form.kind === 'ledscreen' && empty(form.ledWindowNumber)) missing.push('ledWindowNumber');
  if (form.kind === 'caller') {
    form.bindings.forEach((b, i) => {
      if (empty(b.address)) missing.push(`bindings.${i}.address`);
      if (empty(b.windowNumber)) missing.push(`bindings.${i}.windowNumber`);
    });
  }
  return missing;
}

/** One refusal of the host's request validation (fastify-type-provider-zod's shape). */
const HostIssueSchema = z.object({
  instancePath: z.string(),
  keyword: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type HostIssue = z.infer<typeof HostIssueSchema>;

/** The validation issues in an `invalid_request` error's details; [] when it has none. */
export function hostIssues(details: unknown): HostIssue[] {
  const parsed = z.array(HostIssueSchema).safeParse(details);
  return parsed.success ? parsed.data : [];
}

const FIELD_BY_PATH: readonly (readonly [string, string])[] = [
  ['/id', 'id'],
  ['/name', 'name'],
  ['/kind', 'kind'],
  ['/enabled', 'enabled'],
  ['/pollIntervalMs', 'pollIntervalMs'],
  ['/transport/path', 'path'],
  ['/transport/baudRate', 'baudRate'],
  ['/transport/vendorId', 'vendorId'],
  ['/transport/productId', 'productId'],
  ['/transport', 'transport'],
  ['/options/printer/paperWidth', 'paperWidth'],
  ['/options/printer/header', 'header'],
  ['/options/printer/footer', 'footer'],
  ['/options/caller/bindings', 'bindings'],
  ['/options/ledscreen/windowNumber', 'ledWindowNumber'],
  ['/options/ledscreen/address', 'ledAddress'],
  ['/options/scanner/mode', 'scannerMode'],
  ['/options/scanner/terminator', 'scannerTerminator'],
];

/**
 * The form field a host issue belongs to ('' when the form shows no such field: the issue is
 * then listed above the buttons). A keypad binding's issue names its row: `bindings.0.address`.
 */
export function fieldOf(instancePath: string): string {
  const binding = /^\/options\/caller\/bindings\/(\d+)\/(address|windowNumber)(\/|$)/.exec(instancePath);
  if (binding) return `bindings.${binding[1]}.${binding[2]}`;
  for (const [path, field] of FIELD_BY_PATH) {
    if (instancePath === path || instancePath.startsWith(`${path}/`)) return field;
  }
  return '';
}

/** Which line of a header or footer an issue is about (1-based), if any. */
export function lineOf(instancePath: string): number | null {
  const match = /^\/options\/printer\/(header|footer)\/(\d+)/.exec(instancePath);
  return match ? Number(match[2]) + 1 : null;
}

export type IssueKey =
  | 'required'
  | 'notNumber'
  | 'tooSmall'
  | 'tooSmallExclusive'
  | 'tooBig'
  | 'tooBigExclusive'
  | 'tooShort'
  | 'tooLong'
  | 'tooFew'
  | 'tooMany'
  | 'idFormat'
  | 'badFormat'
  | 'notAllowed'
  | 'other';

/** A host issue as a message key (`tech.form.issues.<key>`) and its values, in the technician's language. */
export function issueText(issue: HostIssue): { key: IssueKey; values: Record<string, string | number> } {
  const p = issue.params;
  const origin = typeof p.origin === 'string' ? p.origin : '';
  const inclusive = p.inclusive !== false;
  const bound = (v: unknown) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint' ? String(v) : '?');
  switch (issue.keyword) {
    case 'invalid_type':
      return { key: p.expected === 'number' ? 'notNumber' : 'required', values: {} };
    case 'too_small': {
      const min = bound(p.minimum);
      if (origin === 'string') return min === '1' ? { key: 'required', values: {} } : { key: 'tooShort', values: { min } };
      if (origin === 'array') return { key: 'tooFew', values: { min } };
      return { key: inclusive ? 'tooSmall' : 'tooSmallExclusive', values: { min } };
    }
    case 'too_big': {
      const max = bound(p.maximum);
      if (origin === 'string') return { key: 'tooLong', values: { max } };
      if (origin === 'array') return { key: 'tooMany', values: { max } };
      return { key: inclusive ? 'tooBig' : 'tooBigExclusive', values: { max } };
    }
    case 'invalid_format':
    case 'invalid_string':
      return { key: issue.instancePath === '/id' ? 'idFormat' : 'badFormat', values: {} };
    case 'invalid_union':
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'invalid_literal':
      return { key: 'notAllowed', values: {} };
    default:
      return { key: 'other', values: { message: issue.message } };
  }
}
