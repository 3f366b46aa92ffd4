import { describe, expect, it } from 'vitest';
import { DeviceConfig, DeviceKind, HostConfig } from '../../../contracts/config';
import { DeviceTestAction } from '../../../contracts/devices';
import { DeviceState } from '../../../contracts/health';
import { BreakerState } from '../../../contracts/sync';
import type { MessageTree } from '../../../renderer/kiosk/messages/types';
import {
  blankForm,
  configFromForm,
  fieldOf,
  formFromConfig,
  formFromDiscovery,
  hostIssues,
  issueText,
  lineOf,
  missingFields,
  parseNumber,
  withKind,
  type IssueKey,
} from '../../../renderer/technician/device-form';
import { techMessages } from '../../../renderer/technician/messages';

/** The host's refusal as fastify-type-provider-zod puts it in `error.details` (host/api/errors.ts). */
function hostRefusal(input: unknown): unknown {
  const parsed = DeviceConfig.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join('/')}`,
    schemaPath: `#/${path.join('/')}/${code}`,
    message,
    params,
  }));
}

const refusalsOf = (input: unknown) =>
  hostIssues(hostRefusal(input)).map((issue) => ({ field: fieldOf(issue.instancePath), ...issueText(issue) }));

describe('technician device form', () => {
  it('round-trips every embedded device unchanged, keypad model overrides included', () => {
    const devices = [
      ...HostConfig.parse({}).devices,
      DeviceConfig.parse({
        id: 'keypad-9',
        kind: 'caller',
        transport: { type: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 },
        options: { caller: { bindings: [{ address: 2, windowNumber: 7 }], model: { name: 'XY-100', beepCommand: 4 } } },
      }),
      DeviceConfig.parse({ id: 'scanner-2', kind: 'scanner', transport: { type: 'hid', vendorId: 0x0c2e, productId: 0x0b61 } }),
    ];
    for (const config of devices) expect(DeviceConfig.parse(configFromForm(formFromConfig(config), config))).toEqual(config);
  });

  it('fills the port or the USB ids from discovery, with the kind’s factory baud and the next free id', () => {
    const taken = new Set(['printer-1', 'keypad-1']);
    const serial = formFromDiscovery({ bus: 'serial', path: '/dev/ttyUSB0' }, 'caller', taken);
    expect(serial).toMatchObject({ id: 'keypad-2', transport: 'serial', path: '/dev/ttyUSB0', baudRate: '9600' });
    const hid = formFromDiscovery({ bus: 'hid', vendorId: 0x1a86, productId: 0x7523 }, 'scanner', taken);
    expect(hid).toMatchObject({
      id: 'scanner-1',
      transport: 'hid',
      vendorId: '0x1a86',
      productId: '0x7523',
      scannerMode: 'hid-pos',
    });
    expect(configFromForm(hid).transport).toEqual({ type: 'hid', vendorId: 0x1a86, productId: 0x7523 });
  });

  it('lets a changed kind carry its suggested id and baud, but never what the technician typed', () => {
    const taken = new Set<string>();
    const form = blankForm('idcard', taken);
    expect(withKind(form, 'ledscreen', taken)).toMatchObject({ id: 'led-1', baudRate: '9600' });
    expect(withKind({ ...form, id: 'my-reader', baudRate: '57600' }, 'ledscreen', taken)).toMatchObject({
      id: 'my-reader',
      baudRate: '57600',
    });
  });

  it('checks only that required fields are filled; numbers go to the host as typed', () => {
    const form = { ...blankForm('caller', new Set()), id: ' ', transport: 'serial' as const, path: '' };
    form.bindings = [{ address: '', windowNumber: '2' }];
    expect(missingFields(form)).toEqual(['id', 'path', 'bindings.0.address']);
    expect(parseNumber('0x0b61')).toBe(0x0b61);
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('12a')).toBeNaN();
  });

  it('puts the host’s refusals on the fields they are about, in words the console can translate', () => {
    const led = {
      ...blankForm('ledscreen', new Set()),
      name: 'x'.repeat(41),
      ledWindowNumber: '0',
      transport: 'serial' as const,
    };
    const refusals = refusalsOf({ ...configFromForm({ ...led, path: '/dev/ttyS1', baudRate: 'fast' }), id: 'LED 2' });
    expect(refusals).toEqual([
      { field: 'id', key: 'idFormat', values: {} },
      { field: 'name', key: 'tooLong', values: { max: '40' } },
      { field: 'baudRate', key: 'notNumber', values: {} },
      { field: 'ledWindowNumber', key: 'tooSmallExclusive', values: { min: '0' } },
    ]);

    const idcard = { ...blankForm('idcard', new Set()), pollIntervalMs: '5' };
    expect(refusalsOf(configFromForm(idcard))).toEqual([{ field: 'pollIntervalMs', key: 'tooSmall', values: { min: '10' } }]);

    const printer = { ...blankForm('printer', new Set()), header: `${'长'.repeat(49)}\n\nok` };
    const [header] = hostIssues(hostRefusal(configFromForm(printer)));
    expect(header && [fieldOf(header.instancePath), lineOf(header.instancePath), issueText(header).key]).toEqual([
      'header',
      1,
      'tooLong',
    ]);

    const keypad = { ...blankForm('caller', new Set()), bindings: [{ address: '300', windowNumber: '1' }] };
    expect(refusalsOf(configFromForm(keypad))).toEqual([{ field: 'bindings.0.address', key: 'tooBig', values: { max: '255' } }]);
    expect(fieldOf('/somethingNew')).toBe('');
    expect(hostIssues({ not: 'an array' })).toEqual([]);
  });

  it('has a message in both languages for every state, kind, test, breaker state, refusal and error it can show', () => {
    const issueKeys: IssueKey[] = [
      'required',
      'notNumber',
      'tooSmall',
      'tooSmallExclusive',
      'tooBig',
      'tooBigExclusive',
      'tooShort',
      'tooLong',
      'tooFew',
      'tooMany',
      'idFormat',
      'badFormat',
      'notAllowed',
      'other',
    ];
    const wanted = [
      ...DeviceState.options.flatMap((s) => [`states.${s}.label`, `states.${s}.explain`, `states.${s}.todo`]),
      ...DeviceKind.options.flatMap((k) => [`kinds.${k}`]),
      ...DeviceTestAction.options.map((a) => `tests.actions.${a}`),
      ...BreakerState.options.flatMap((b) => [`sync.breakerStates.${b}.label`, `sync.breakerStates.${b}.explain`]),
      ...['case', 'evaluation', 'queue-stats'].map((k) => `sync.kinds.${k}`),
      ...['pending', 'failed-permanent'].map((s) => `sync.recordStates.${s}`),
      ...issueKeys.map((k) => `form.issues.${k}`),
      ...['network', 'unauthorized', 'forbidden', 'not_found', 'invalid_request', 'locked_out', 'internal', 'generic'].map(
        (c) => `errors.${c}`,
      ),
      ...['kiosk', 'counter', 'display', 'technician'].map((r) => `host.roles.${r}`),
      ...['staff', 'supervisor', 'technician'].map((r) => `roles.${r}`),
    ];
    const lookup = (tree: MessageTree, key: string): unknown =>
      key
        .split('.')
        .reduce<unknown>(
          (node, part) => (typeof node === 'object' && node !== null ? (node as MessageTree)[part] : undefined),
          tree,
        );
    for (const language of [techMessages.zhCN, techMessages.en]) {
      const tech = language.tech as MessageTree;
      expect(wanted.filter((key) => typeof lookup(tech, key) !== 'string' || lookup(tech, key) === '')).toEqual([]);
    }
  });
});
