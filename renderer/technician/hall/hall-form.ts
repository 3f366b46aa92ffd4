import type { OpeningPeriod, WeeklyHours } from '../../../contracts/config';
import type { HallSettings, HallSettingsInput } from '../../../contracts/hall-settings';

/**
 * The hall settings form's state and its mapping to and from HallSettings. Pure, so it is
 * unit-tested. Numbers are kept as typed text: the host is the one judge of a value (its
 * refusals come back on the fields, by path), the form only turns text into JSON.
 */

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export interface PeriodForm {
  from: string;
  to: string;
  duty: boolean;
}
export type HoursForm = Record<Day, PeriodForm[]>;

export interface ServiceForm {
  /** React key: the code can change while a new service is being typed. */
  key: string;
  /** A service the host does not have yet: its code may still be chosen. */
  isNew: boolean;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  numberStart: string;
  numberEnd: string;
  dailyLimit: string;
  slotMinutes: string;
  slotLimit: string;
  targetWaitMin: string;
  materials: string;
  ownHours: boolean;
  hours: HoursForm;
}

export interface WindowForm {
  key: string;
  number: string;
  name: string;
  /** Service codes in the order the window serves them. */
  services: string[];
}

export interface HallForm {
  hallName: string;
  services: ServiceForm[];
  windows: WindowForm[];
  hours: HoursForm;
  queue: {
    onePerIdentityPerService: boolean;
    elderAge: string;
    priorityBurst: string;
    skipEnabled: boolean;
    skipAfterPlaces: string;
    skipMaxTimes: string;
    transferKeepsTime: boolean;
  };
  display: { announceRepeat: string; voice: 'browser' | 'host' | 'off'; recentCalls: string };
  /** One date (YYYY-MM-DD) per line; the weekday whose hours a 调休 weekend day opens with. */
  calendar: { holidays: string; extraWorkdays: string; makeupHours: HallSettings['calendar']['makeupHours'] };
  /** Where a phone opens the QR codes; '' for none. */
  publicUrl: string;
  timeouts: {
    kioskIdleSeconds: string;
    identitySessionMinutes: string;
    staffSessionHours: string;
    personalDataRetentionDays: string;
    evaluatorIdleSeconds: string;
  };
  /** 差评整改回访: working days to rectify and answer a 差评. */
  reviews: { rectifyWorkingDays: string };
  /** The kiosks' voice volume, 0–100 % (0: silent). */
  kioskVoice: { volumePercent: string };
  /**
   * The manager floor's alert thresholds: not on this form yet, carried through as loaded so that
   * saving the hall settings keeps them instead of resetting them to the defaults.
   */
  alerts: HallSettings['alerts'];
}

let nextKey = 0;
const newKey = () => `k${(nextKey += 1)}`;
const text = (n: number | undefined) => (n === undefined ? '' : String(n));

function hoursForm(hours: WeeklyHours): HoursForm {
  const form = {} as HoursForm;
  for (const day of DAYS) form[day] = hours[day].map((p) => ({ from: p.from, to: p.to, duty: p.duty }));
  return form;
}

export function emptyHours(): HoursForm {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

export function formFromSettings(s: HallSettings): HallForm {
  return {
    hallName: s.hallName,
    services: s.services.map((service) => ({
      key: newKey(),
      isNew: false,
      code: service.code,
      name: service.name,
      nameEn: service.nameEn,
      prefix: service.prefix,
      numberStart: text(service.numberStart),
      numberEnd: text(service.numberEnd),
      dailyLimit: text(service.dailyLimit),
      slotMinutes: text(service.slotMinutes),
      slotLimit: text(service.slotLimit),
      targetWaitMin: text(service.targetWaitMin),
      materials: service.materials,
      ownHours: service.hours !== undefined,
      hours: hoursForm(service.hours ?? s.hours),
    })),
    windows: s.windows.map((w) => ({ key: newKey(), number: String(w.number), name: w.name, services: [...w.services] })),
    hours: hoursForm(s.hours),
    queue: {
      onePerIdentityPerService: s.queue.onePerIdentityPerService,
      elderAge: text(s.queue.elderAge),
      priorityBurst: text(s.queue.priorityBurst),
      skipEnabled: s.queue.skipRequeue.enabled,
      skipAfterPlaces: text(s.queue.skipRequeue.afterPlaces),
      skipMaxTimes: text(s.queue.skipRequeue.maxTimes),
      transferKeepsTime: s.queue.transferKeepsTime,
    },
    display: {
      announceRepeat: text(s.display.announceRepeat),
      voice: s.display.voice,
      recentCalls: text(s.display.recentCalls),
    },
    calendar: {
      holidays: s.calendar.holidays.join('\n'),
      extraWorkdays: s.calendar.extraWorkdays.join('\n'),
      makeupHours: s.calendar.makeupHours,
    },
    publicUrl: s.publicUrl ?? '',
    timeouts: {
      kioskIdleSeconds: text(s.timeouts.kioskIdleSeconds),
      identitySessionMinutes: text(s.timeouts.identitySessionMinutes),
      staffSessionHours: text(s.timeouts.staffSessionHours),
      personalDataRetentionDays: text(s.timeouts.personalDataRetentionDays),
      evaluatorIdleSeconds: text(s.timeouts.evaluatorIdleSeconds),
    },
    reviews: { rectifyWorkingDays: text(s.reviews.rectifyWorkingDays) },
    kioskVoice: { volumePercent: text(s.kioskVoice.volumePercent) },
    alerts: s.alerts,
  };
}

/** A number as typed: '' is "not set", anything else that is no number goes to the host as NaN (refused there). */
function num(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

function periods(list: PeriodForm[]): OpeningPeriod[] {
  return list.map((p) => ({ from: p.from.trim(), to: p.to.trim(), duty: p.duty }));
}

function weekly(form: HoursForm): WeeklyHours {
  return {
    mon: periods(form.mon),
    tue: periods(form.tue),
    wed: periods(form.wed),
    thu: periods(form.thu),
    fri: periods(form.fri),
    sat: periods(form.sat),
    sun: periods(form.sun),
  };
}

const lines = (value: string) =>
  value
    .split(/\s+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export function settingsFromForm(f: HallForm): HallSettingsInput {
  return {
    hallName: f.hallName,
    services: f.services.map((s) => ({
      code: s.code.trim(),
      name: s.name.trim(),
      nameEn: s.nameEn.trim(),
      prefix: s.prefix.trim().toUpperCase(),
      numberStart: num(s.numberStart),
      numberEnd: num(s.numberEnd),
      dailyLimit: num(s.dailyLimit),
      slotMinutes: num(s.slotMinutes),
      slotLimit: num(s.slotLimit),
      targetWaitMin: num(s.targetWaitMin),
      materials: s.materials.trim(),
      ...(s.ownHours ? { hours: weekly(s.hours) } : {}),
    })),
    windows: f.windows.map((w) => ({ number: num(w.number) ?? Number.NaN, name: w.name.trim(), services: w.services })),
    hours: weekly(f.hours),
    queue: {
      onePerIdentityPerService: f.queue.onePerIdentityPerService,
      elderAge: num(f.queue.elderAge),
      priorityBurst: num(f.queue.priorityBurst),
      skipRequeue: {
        enabled: f.queue.skipEnabled,
        afterPlaces: num(f.queue.skipAfterPlaces),
        maxTimes: num(f.queue.skipMaxTimes),
      },
      transferKeepsTime: f.queue.transferKeepsTime,
    },
    display: { announceRepeat: num(f.display.announceRepeat), voice: f.display.voice, recentCalls: num(f.display.recentCalls) },
    calendar: {
      holidays: lines(f.calendar.holidays),
      extraWorkdays: lines(f.calendar.extraWorkdays),
      makeupHours: f.calendar.makeupHours,
    },
    publicUrl: f.publicUrl.trim() === '' ? null : f.publicUrl.trim(),
    timeouts: {
      kioskIdleSeconds: num(f.timeouts.kioskIdleSeconds),
      identitySessionMinutes: num(f.timeouts.identitySessionMinutes),
      staffSessionHours: num(f.timeouts.staffSessionHours),
      personalDataRetentionDays: num(f.timeouts.personalDataRetentionDays),
      evaluatorIdleSeconds: num(f.timeouts.evaluatorIdleSeconds),
    },
    reviews: { rectifyWorkingDays: num(f.reviews.rectifyWorkingDays) },
    kioskVoice: { volumePercent: num(f.kioskVoice.volumePercent) },
    alerts: f.alerts,
  };
}

/** A new service, with the first free letter and the hall's hours to start from. */
export function newService(form: HallForm): ServiceForm {
  const taken = new Set(form.services.map((s) => s.prefix));
  const prefix = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((c) => !taken.has(c)) ?? '';
  return {
    key: newKey(),
    isNew: true,
    code: '',
    name: '',
    nameEn: '',
    prefix,
    numberStart: '1',
    numberEnd: '999',
    dailyLimit: '300',
    slotMinutes: '',
    slotLimit: '',
    targetWaitMin: '20',
    materials: '',
    ownHours: false,
    hours: structuredClone(form.hours),
  };
}

export function newWindow(form: HallForm): WindowForm {
  const numbers = form.windows.map((w) => Number(w.number)).filter(Number.isFinite);
  return { key: newKey(), number: String(Math.max(0, ...numbers) + 1), name: '', services: [] };
}

/** Moves item `index` one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Fields the form checks itself: required text left empty (the host judges every value). */
export function missingFields(f: HallForm): string[] {
  const missing: string[] = [];
  const empty = (s: string) => s.trim() === '';
  if (empty(f.hallName)) missing.push('hallName');
  f.services.forEach((s, i) => {
    for (const key of ['code', 'name', 'nameEn', 'prefix'] as const) if (empty(s[key])) missing.push(`services.${i}.${key}`);
  });
  f.windows.forEach((w, i) => {
    if (empty(w.number)) missing.push(`windows.${i}.number`);
    if (empty(w.name)) missing.push(`windows.${i}.name`);
    if (w.services.length === 0) missing.push(`windows.${i}.services`);
  });
  return missing;
}

/** The screen's tab a field path belongs to. */
export type HallTab = 'services' | 'windows' | 'staff' | 'hours' | 'rules';

export function tabOf(path: string): HallTab {
  const head = path.split('.')[0];
  if (head === 'services') return 'services';
  if (head === 'windows') return 'windows';
  if (head === 'hours' || head === 'calendar') return 'hours';
  return 'rules';
}

/**
 * The form field an issue's path lands on: the path itself when the form shows that field,
 * else the nearest enclosing one (a day's period list, a window's service list, the section).
 */
export function fieldOf(path: string, shown: ReadonlySet<string>): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    if (shown.has(candidate)) return candidate;
  }
  return parts[0] ?? '';
}

/** A fastify/zod instancePath (`/services/0/prefix`) as a dotted field path (`services.0.prefix`). */
export function dotted(instancePath: string): string {
  return instancePath.replace(/^\//, '').split('/').join('.');
}

/** The DOM id of a field (also what a field path's error points at). */
export const fieldId = (path: string) => `hall-${path.replace(/\./g, '-')}`;

const SERVICE_FIELDS = [
  'code',
  'name',
  'nameEn',
  'prefix',
  'numberStart',
  'numberEnd',
  'dailyLimit',
  'slotMinutes',
  'slotLimit',
  'targetWaitMin',
  'materials',
  'hours',
] as const;

/** Every field path the screen shows a control (or a list) for: where an issue can be shown. */
export function shownFields(f: HallForm): Set<string> {
  const paths = [
    'hallName',
    'services',
    'windows',
    'hours',
    'calendar.holidays',
    'calendar.extraWorkdays',
    'calendar.makeupHours',
    'publicUrl',
    'queue.elderAge',
    'queue.priorityBurst',
    'queue.onePerIdentityPerService',
    'queue.transferKeepsTime',
    'queue.skipRequeue.enabled',
    'queue.skipRequeue.afterPlaces',
    'queue.skipRequeue.maxTimes',
    'display.announceRepeat',
    'display.voice',
    'display.recentCalls',
    'timeouts.kioskIdleSeconds',
    'timeouts.identitySessionMinutes',
    'timeouts.staffSessionHours',
    'timeouts.personalDataRetentionDays',
    'reviews.rectifyWorkingDays',
    'timeouts.evaluatorIdleSeconds',
    'kioskVoice.volumePercent',
  ];
  const hours = (prefix: string, h: HoursForm) => {
    for (const day of DAYS) {
      paths.push(`${prefix}.${day}`);
      h[day].forEach((_, k) => paths.push(`${prefix}.${day}.${k}.from`, `${prefix}.${day}.${k}.to`));
    }
  };
  hours('hours', f.hours);
  f.services.forEach((s, i) => {
    for (const key of SERVICE_FIELDS) paths.push(`services.${i}.${key}`);
    if (s.ownHours) hours(`services.${i}.hours`, s.hours);
  });
  f.windows.forEach((_, i) => paths.push(`windows.${i}.number`, `windows.${i}.name`, `windows.${i}.services`));
  return new Set(paths);
}
