/**
 * JSON Schema (as the host's OpenAPI document publishes it) → fast-check arbitraries:
 * values shaped by the schema, the same values made wrong in one to three places, and the
 * nasty values the wrong places get (wrong types, huge and odd strings, prototype keys).
 * Only the keywords the host's document uses are understood; anything else is ignored.
 */
import fc from 'fast-check';

export type JsonSchema = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asSchema(value: unknown): JsonSchema {
  return isRecord(value) ? value : {};
}

const num = (s: JsonSchema, key: string): number | undefined => (typeof s[key] === 'number' ? s[key] : undefined);
const str = (s: JsonSchema, key: string): string | undefined => (typeof s[key] === 'string' ? s[key] : undefined);
const list = (s: JsonSchema, key: string): unknown[] | undefined => (Array.isArray(s[key]) ? s[key] : undefined);

/** Values to try for properties with these names (real service codes, window ids...), given by the test. */
export type Hints = ReadonlyMap<string, readonly unknown[]>;

/** Loopback only: a fuzzed URL must never send the host out to the internet (port 9 is closed). */
const loopbackUrl = fc.constantFrom('http://127.0.0.1:9', 'http://127.0.0.1:9/hall', 'http://localhost:9/', 'http://[::1]:9');

const MAX_DEPTH = 6;

/** A value the schema accepts (as far as the keywords below go). */
export function validValue(schema: JsonSchema, hints: Hints = new Map(), depth = 0): fc.Arbitrary<unknown> {
  const enumValues = list(schema, 'enum');
  if (enumValues && enumValues.length > 0) return fc.constantFrom(...enumValues);
  if ('const' in schema) return fc.constant(schema.const);
  const choices = list(schema, 'oneOf') ?? list(schema, 'anyOf');
  if (choices && choices.length > 0) return fc.oneof(...choices.map((c) => validValue(asSchema(c), hints, depth)));
  const allOf = list(schema, 'allOf');
  if (allOf && allOf.length > 0) return validValue(asSchema(allOf[0]), hints, depth);
  const base = typed(schema, hints, depth);
  return schema.nullable === true ? fc.option(base, { nil: null }) : base;
}

function typed(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  const type = schema.type;
  const types = Array.isArray(type)
    ? type.filter((t): t is string => typeof t === 'string')
    : typeof type === 'string'
      ? [type]
      : [];
  if (types.length > 1) return fc.oneof(...types.map((t) => typed({ ...schema, type: t }, hints, depth)));
  switch (types[0]) {
    case 'string':
      return stringValue(schema);
    case 'integer':
      return integerValue(schema);
    case 'number': {
      const min = num(schema, 'minimum');
      const max = num(schema, 'maximum');
      return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const minLength = num(schema, 'minItems') ?? 0;
      const maxLength = Math.max(minLength, Math.min(num(schema, 'maxItems') ?? 4, 4));
      return fc.array(validValue(asSchema(schema.items), hints, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return objectValue(schema, hints, depth);
    default:
      // No type: anything JSON.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectValue(schema: JsonSchema, hints: Hints, depth: number): fc.Arbitrary<unknown> {
  if (depth >= MAX_DEPTH) return fc.constant({});
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = (list(schema, 'required') ?? []).filter((k): k is string => typeof k === 'string');
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) {
    const own = validValue(asSchema(sub), hints, depth + 1);
    const hinted = hints.get(key);
    shape[key] = hinted && hinted.length > 0 ? fc.oneof(fc.constantFrom(...hinted), own) : own;
  }
  const record = fc.record(shape, { requiredKeys: required.filter((k) => k in shape), noNullPrototype: true });
  const extra = schema.additionalProperties;
  if (!isRecord(extra)) return record;
  const more = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validValue(extra, hints, depth + 1), {
    maxKeys: 3,
    noNullPrototype: true,
  });
  return fc.tuple(record, more).map(([r, m]) => ({ ...m, ...r }));
}

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const exclusiveMin = schema.exclusiveMinimum;
  const exclusiveMax = schema.exclusiveMaximum;
  let min = num(schema, 'minimum') ?? Number.MIN_SAFE_INTEGER;
  let max = num(schema, 'maximum') ?? Number.MAX_SAFE_INTEGER;
  if (exclusiveMin === true) min += 1;
  if (typeof exclusiveMin === 'number') min = exclusiveMin + 1;
  if (exclusiveMax === true) max -= 1;
  if (typeof exclusiveMax === 'number') max = exclusiveMax - 1;
  min = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
  max = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  if (min > max) return fc.constant(min);
  // Small values hit real rows (ids 1, 2, 3...); the whole range finds the edges.
  const smallFrom = Math.max(min, Math.min(max, 0));
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: smallFrom, max: Math.min(max, smallFrom + 12) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = num(schema, 'minLength') ?? 0;
  const maxLength = num(schema, 'maxLength');
  const fit = (s: string) => (maxLength === undefined ? s : s.slice(0, maxLength));
  switch (str(schema, 'format')) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uri':
      return loopbackUrl;
    default:
      break;
  }
  const pattern = str(schema, 'pattern');
  if (pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(pattern)).map(fit);
    } catch {
      // A pattern fast-check cannot generate from: plain strings below.
    }
  }
  const short = Math.min(maxLength ?? 24, Math.max(minLength, 24));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.string({
        unit: fc.oneof(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_ '), cjk),
        minLength,
        maxLength: short,
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: short }) },
    // At the limit, where an off-by-one lives.
    ...(maxLength !== undefined && maxLength <= 5000
      ? [{ weight: 1, arbitrary: fc.constantFrom('字'.repeat(maxLength), 'a'.repeat(maxLength + 1)) }]
      : []),
  );
}

/** Personal data the fuzzer plants in requests: none of it may ever reach a log line. */
export interface Planted {
  idNumber: string;
  phone: string;
  name: string;
}

/** Values that are wrong almost everywhere: other types, edges, odd and huge strings, prototype keys. */
export function nastyValue(planted: Planted): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom<unknown>(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        -0,
        1e308,
        -1e308,
        2 ** 53,
        -(2 ** 53),
        2 ** 31,
        '',
        ' ',
        '0',
        '-1',
        'null',
        'true',
        '[]',
        '{}',
        '\u0000',
        '\ud800',
        '\uffff',
        '\u202eRTL',
        '𠀀𠀁👨‍👩‍👧',
        '<script>alert(1)</script>',
        "' OR 1=1 --",
        '../../../etc/passwd',
        '%00',
        '%E0%A4%A',
        '${7*7}{{7*7}}',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        planted.idNumber,
        planted.phone,
        planted.name,
        `${planted.name} ${planted.idNumber} ${planted.phone}`,
        [],
        {},
        [[[[[]]]]],
        { toString: 'x', valueOf: 1 },
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(100_000), '字'.repeat(20_000)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => nest(n)) },
  );
}

/** `[[[…]]]` n deep. */
function nest(n: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

/** Keys that must never reach a prototype or confuse a lookup. */
export const nastyKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  ' ',
  '\u0000',
  'a'.repeat(300),
  '字段',
);

type Edit =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

/** Own enumerable, so JSON.stringify writes it even for `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every container and leaf of a JSON value, with the container and key that hold it. */
function places(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        out.push({ parent: value, key: i });
        walk(v);
      });
    } else if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        out.push({ parent: value, key: k });
        walk(v);
      }
    }
  };
  walk(root);
  return out;
}

function applyEdit(root: unknown, edit: Edit): unknown {
  const spots = places(root);
  if (edit.kind === 'add') {
    const containers = [
      root,
      ...spots.map((s) => (Array.isArray(s.parent) ? s.parent[Number(s.key)] : s.parent[String(s.key)])),
    ].filter(isRecord);
    const target = containers[edit.at % Math.max(1, containers.length)];
    if (target) setOwn(target, edit.key, edit.value);
    return root;
  }
  const spot = spots[edit.at % Math.max(1, spots.length)];
  if (!spot) return edit.kind === 'replace' ? edit.value : root;
  const { parent, key } = spot;
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (edit.kind === 'replace') parent[i] = edit.value;
    else parent.splice(i, 1);
  } else if (edit.kind === 'replace') setOwn(parent, String(key), edit.value);
  else Reflect.deleteProperty(parent, String(key));
  return root;
}

/** A schema-shaped value made wrong in one to three places (a value replaced, a key dropped or added). */
export function wrongValue(schema: JsonSchema, planted: Planted, hints: Hints = new Map()): fc.Arbitrary<unknown> {
  return mutated(validValue(schema, hints), planted);
}

/** Values of `base` made wrong in one to three places. */
export function mutated(base: fc.Arbitrary<unknown>, planted: Planted): fc.Arbitrary<unknown> {
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: nastyValue(planted) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(nastyKeys, fc.string({ maxLength: 8 })),
      value: nastyValue(planted),
    }),
  );
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([value, edits]) => {
    // A plain copy: edits must not touch what fast-check keeps for shrinking.
    const copy: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
    return edits.reduce(applyEdit, copy);
  });
}
