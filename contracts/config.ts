import { z } from 'zod';
import { StaffSeed } from './auth';
import { BackupOptions } from './backups';
import { isLoopbackHost } from './loopback';
import { HallUrl, KioskOptions } from './terminal-settings';

/**
 * Where a host runs. `demo` is what `npm start` runs: simulated devices, the district platform
 * (platform/) and its dev token, short readable log lines. `test`: the same values, for the test suite.
 * `production` (packaged builds, `npm run host`): refuses to start on any demo value, serves no
 * simulator route, logs structured JSON.
 */
export const HostEnvironment = z.enum(['demo', 'test', 'production']);
export type HostEnvironment = z.infer<typeof HostEnvironment>;

/** The central API token of the demo and the tests; a production hall has its own. */
export const DEMO_CENTRAL_TOKEN = 'dev-terminal-token';

/**
 * The district platform's appointment-matching secret in the demo and the tests. The central
 * API derives each hall's matching key from its own secret (HMAC of the hall id); a host without
 * `centralApi.matchingKey` derives the demo hall key from this one, which production refuses.
 */
export const DEMO_MATCHING_SECRET = 'dev-appointment-matching-secret';

/**
 * A hall's id at the central API (the district platform registers halls under it). The default
 * names the demo hall, which the platform's demo district registers and its dev token signs in as.
 */
export const HallId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and -, at most 40');
export const DEFAULT_HALL_ID = 'hall-01';

/** How a device is reached. `simulated` runs the device's simulator over an in-memory link. */
export const DeviceTransportConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('simulated') }),
  // No baud rate: the kind's usual one (ID readers 115200, printers, keypads and screens 9600).
  z.object({ type: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().optional() }),
  z.object({ type: z.literal('hid'), vendorId: z.number().int(), productId: z.number().int() }),
]);
export type DeviceTransportConfig = z.infer<typeof DeviceTransportConfig>;

export const DeviceKind = z.enum(['idcard', 'printer', 'caller', 'ledscreen', 'scanner']);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** Per-kind settings; only the block matching the device's kind is read. */
export const DeviceOptions = z.object({
  printer: z
    .object({
      paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
      header: z.array(z.string().max(48)).max(4).default([]),
      footer: z.array(z.string().max(48)).max(4).default([]),
    })
    .optional(),
  /** Which window each keypad address (呼叫器地址) sits at. */
  caller: z
    .object({
      bindings: z.array(z.object({ address: z.number().int().min(0).max(255), windowNumber: z.number().int().positive() })),
      /** Per-model protocol overrides; unset fields keep the generic FF 68 model. */
      model: z
        .object({
          name: z.string().max(40).optional(),
          keyCommand: z.number().int().min(0).max(255).optional(),
          showCommand: z.number().int().min(0).max(255).optional(),
          beepCommand: z.number().int().min(0).max(255).optional(),
          /** Key code (0x0C, or 0x0F06 for confirm + sub-key; decimal in JSON) → action. */
          keys: z
            .record(
              z.string().regex(/^\d+$/),
              z.enum(['call', 'recall', 'evaluate', 'skip', 'hold', 'resume', 'pause', 'transfer']),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
  ledscreen: z
    .object({ windowNumber: z.number().int().positive(), address: z.number().int().min(0).max(0xffff).default(1) })
    .optional(),
  scanner: z
    .object({ mode: z.enum(['line', 'hid-pos']).default('line'), terminator: z.enum(['CR', 'LF', 'CRLF']).default('CR') })
    .optional(),
});
export type DeviceOptions = z.infer<typeof DeviceOptions>;

export const DeviceConfig = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: DeviceKind,
  name: z.string().max(40).optional(),
  transport: DeviceTransportConfig,
  enabled: z.boolean().default(true),
  pollIntervalMs: z.number().int().min(10).max(10_000).default(300),
  options: DeviceOptions.default({}),
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;
export type DeviceConfigInput = z.input<typeof DeviceConfig>;

const EMBEDDED_DEVICES: DeviceConfigInput[] = [
  { id: 'idcard-1', kind: 'idcard', name: '身份证阅读器', transport: { type: 'simulated' } },
  {
    id: 'printer-1',
    kind: 'printer',
    name: '取号小票打印机',
    transport: { type: 'simulated' },
    options: { printer: { paperWidth: 80 } },
  },
  {
    id: 'keypad-1',
    kind: 'caller',
    name: '1号窗口呼叫器',
    transport: { type: 'simulated' },
    options: { caller: { bindings: [{ address: 1, windowNumber: 1 }] } },
  },
  {
    id: 'led-1',
    kind: 'ledscreen',
    name: '1号窗口屏',
    transport: { type: 'simulated' },
    options: { ledscreen: { windowNumber: 1 } },
  },
  { id: 'scanner-1', kind: 'scanner', name: '扫码器', transport: { type: 'simulated' } },
];

/** HH:MM on the 24-hour clock; 24:00 ends a period at midnight. */
const HhMm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 24-hour');

/** One opening period of a day; `duty` marks a lunch-time duty window (午休值班). */
export const OpeningPeriod = z.object({ from: HhMm, to: HhMm, duty: z.boolean().default(false) });
export type OpeningPeriod = z.infer<typeof OpeningPeriod>;

const Day = z.array(OpeningPeriod).default([]);
/** Opening hours per weekday, in the hall's time zone. An empty day is closed. */
export const WeeklyHours = z.object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day });
export type WeeklyHours = z.infer<typeof WeeklyHours>;
export type WeeklyHoursInput = z.input<typeof WeeklyHours>;

const weekday = [
  { from: '08:30', to: '12:00' },
  { from: '12:00', to: '14:00', duty: true },
  { from: '14:00', to: '17:30' },
];
/** The embedded default: weekdays with lunch-time duty, weekend mornings (错时、延时服务). */
export const DEFAULT_HALL_HOURS: WeeklyHoursInput = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: [{ from: '09:00', to: '12:00' }],
  sun: [{ from: '09:00', to: '12:00' }],
};

export const ServiceSeed = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  prefix: z.string().regex(/^[A-Z]$/),
  numberStart: z.number().int().min(0).default(1),
  numberEnd: z.number().int().max(9999).default(999),
  dailyLimit: z.number().int().positive().max(9999).default(999),
  slotMinutes: z.number().int().min(5).max(240).optional(),
  slotLimit: z.number().int().positive().optional(),
  /** Service-level target: a citizen should wait at most this long. */
  targetWaitMin: z.number().int().positive().default(20),
  materials: z.string().default(''),
  /** Hours of this service when they differ from the hall's. */
  hours: WeeklyHours.optional(),
});
export type ServiceSeed = z.infer<typeof ServiceSeed>;

export const WindowSeed = z.object({
  number: z.number().int().positive(),
  name: z.string().min(1),
  /** Service codes in the order this window serves them. */
  services: z.array(z.string()).min(1),
});

/** How the queue treats tickets; every rule has a default a hall can change. */
export const QueuePolicy = z.object({
  /** One open (waiting/called/held) ticket per ID card per service. */
  onePerIdentityPerService: z.boolean().default(true),
  /** Age from the ID birth date at which a ticket is an elder's priority ticket. */
  elderAge: z.number().int().min(50).max(100).default(70),
  /** Fairness: at most this many priority tickets in a row at a window while a normal ticket waits. */
  priorityBurst: z.number().int().min(1).max(20).default(2),
  /** 过号: a skipped ticket goes back after `afterPlaces` waiting tickets, at most `maxTimes` times. */
  skipRequeue: z
    .object({
      enabled: z.boolean().default(true),
      afterPlaces: z.number().int().min(0).default(3),
      maxTimes: z.number().int().min(0).default(2),
    })
    .prefault({}),
  /** A transferred ticket keeps its place in time (true) or goes to the end of the new queue. */
  transferKeepsTime: z.boolean().default(true),
  /** Local hour at which the business day turns over (tickets of the old day expire). */
  dailyResetHour: z.number().int().min(0).max(23).default(3),
});
export type QueuePolicy = z.infer<typeof QueuePolicy>;

/**
 * Working-day calendar: public holidays and the weekend days worked in their place (调休). Case
 * deadlines (承诺时限) count its working days, and the queue keeps it: a holiday is closed all
 * day, a 调休 Saturday or Sunday opens with the hours of the weekday `makeupHours` names (Monday's
 * by default: a hall's weekdays usually share their hours; one whose Friday is shorter says which).
 */
export const WorkCalendarConfig = z.object({
  holidays: z.array(z.iso.date()).default([]),
  extraWorkdays: z.array(z.iso.date()).default([]),
  makeupHours: z.enum(['mon', 'tue', 'wed', 'thu', 'fri']).default('mon'),
});
export type WorkCalendarConfig = z.infer<typeof WorkCalendarConfig>;
/** The calendar the queue and the deadlines read. */
export type HallCalendar = WorkCalendarConfig;

/** The hall display (/display): how calls are announced and how many are listed. */
export const DisplayOptions = z.object({
  /** Each call is said this many times (叫号重复播报); a recall is said as many times again. */
  announceRepeat: z.number().int().min(1).max(5).default(2),
  /**
   * `browser`: the display's speech synthesis, the host's espeak-ng audio when the browser has no
   * Chinese voice; `host`: always the host's audio; `off`: no voice.
   */
  voice: z.enum(['browser', 'host', 'off']).default('browser'),
  /** Calls listed under the current one. */
  recentCalls: z.number().int().min(1).max(20).default(6),
});
export type DisplayOptions = z.infer<typeof DisplayOptions>;

/** The host's configuration file (JSON). Every field has the embedded default. */
export const HostConfig = z
  .object({
    role: z.enum(['kiosk', 'counter', 'display', 'technician']).default('kiosk'),
    /**
     * A secondary terminal's hall host (e.g. https://192.168.1.10:7443; http only on loopback): its queue is used through
     * that host (after pairing), this machine keeps its own devices. Unset: this host is the hall.
     * Like `role` and `kiosk`, only the first boot reads it; the technician console owns it after.
     */
    hallUrl: HallUrl.nullable().default(null),
    /** Kiosk options of this terminal (长辈版 by default, voice, hidden tiles). */
    kiosk: KioskOptions.prefault({}),
    /** This machine's nightly backup (folder, time, days kept): first boot only, like `kiosk` (contracts/backups.ts). */
    backup: BackupOptions.prefault({}),
    hallName: z.string().default('政务服务中心'),
    /** This hall's and this terminal's ids at the central API (cases and evaluations carry them). */
    hallId: HallId.default(DEFAULT_HALL_ID),
    terminalId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,40}$/)
      .default('kiosk-01'),
    timeZone: z.string().default('Asia/Shanghai'),
    hours: WeeklyHours.prefault(DEFAULT_HALL_HOURS),
    queue: QueuePolicy.prefault({}),
    /**
     * The plain-http listener of this machine's own screen (the Electron shell, `npm start`):
     * loopback only, since nothing on it is encrypted. The LAN is served by `lan` (HTTPS).
     */
    listen: z
      .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(7300) })
      .prefault({}),
    /**
     * The hall's LAN API (counters, screens and secondary kiosks on other machines). Off by
     * default; when on, the host also listens on `host`:`port` over HTTPS only, with a
     * certificate of the hall's own CA (created at first boot), and every client not on this
     * machine must be a paired terminal. `names`: DNS names or addresses the hall is reached by
     * besides its host name and interface addresses (its server certificate lists them all).
     */
    lan: z
      .object({
        enabled: z.boolean().default(false),
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(7443),
        names: z.array(z.string().min(1).max(253)).max(20).default([]),
      })
      .prefault({}),
    /** Folder of the SQLite file and the install secret; defaults to the user data folder. */
    dataDir: z.string().optional(),
    centralApi: z
      .object({
        /** https, or http on this machine only (the platform of the demo and the tests). */
        url: z.url().default('http://127.0.0.1:7310'),
        token: z.string().default(DEMO_CENTRAL_TOKEN),
        /**
         * This hall's appointment-matching key as the central API issued it (base64url, 32 bytes):
         * the central API sends each booking's ID number only as HMAC-SHA-256 under this key, and
         * the kiosk computes the same from the card. A secret like the token; absent in the demo.
         */
        matchingKey: z
          .string()
          .regex(/^[A-Za-z0-9_-]{43}$/, 'expected 32 bytes in base64url')
          .optional(),
        /** A PEM file of CA certificates the central API's calls trust besides the system's (a provincial CA). */
        caFile: z.string().min(1).optional(),
        /** A call that has not answered by then counts as failed (and is retried). */
        timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
      })
      .prefault({}),
    /** How the hall's sync with the central API retries and backs off (defaults suit a provincial link). */
    sync: z
      .object({
        /** Entries in flight at once (each of a different case). */
        batchSize: z.number().int().min(1).max(64).default(8),
        /** Retry delays: full jitter up to base·2^(n-1), never above max. */
        backoff: z
          .object({ baseMs: z.number().int().min(10).default(1_000), maxMs: z.number().int().min(100).default(300_000) })
          .prefault({}),
        /** Consecutive failures that stop the sending, and how long before one probe tries again. */
        breaker: z
          .object({
            failureThreshold: z.number().int().min(1).max(100).default(5),
            openMs: z.number().int().min(100).max(3_600_000).default(30_000),
          })
          .prefault({}),
        /** How often the change feed (case status) is pulled. */
        pullIntervalMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
        /**
         * How often the hall sends its queue as it is now to the district platform (就近办, the
         * console's live view; host/sync/live-push.ts). Not an outbox item: a lost one is replaced.
         */
        liveIntervalMs: z.number().int().min(5_000).max(3_600_000).default(60_000),
      })
      .prefault({}),
    /** Staff accounts the config owns (PIN hashes from `node scripts/staff.mjs hash-pin`). */
    staff: z.array(StaffSeed).default([]),
    /**
     * Devices seeded into the device table on first boot (afterwards the technician
     * console owns them). The embedded default simulates one of each.
     */
    devices: z.array(DeviceConfig).default(() => EMBEDDED_DEVICES.map((d) => DeviceConfig.parse(d))),
    services: z.array(ServiceSeed).default([
      {
        code: 'business-startup',
        name: '企业开办',
        nameEn: 'Business start-up',
        prefix: 'A',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 300,
        targetWaitMin: 20,
        materials: '身份证原件；企业名称自主申报结果；住所（经营场所）证明；公司章程',
      },
      {
        code: 'real-estate',
        name: '不动产登记',
        nameEn: 'Real estate registration',
        prefix: 'B',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 300,
        targetWaitMin: 30,
        materials: '身份证原件；不动产权证书；买卖合同或其他权属来源材料',
      },
      {
        code: 'social-security',
        name: '社保医保',
        nameEn: 'Social & medical insurance',
        prefix: 'C',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 300,
        targetWaitMin: 20,
        materials: '身份证原件或社会保障卡',
      },
      {
        code: 'livelihood',
        name: '民生事项',
        nameEn: 'Livelihood services',
        prefix: 'D',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 300,
        targetWaitMin: 15,
        materials: '身份证原件',
      },
      {
        code: 'business-appeal',
        name: '营商诉求',
        nameEn: 'Business complaints',
        prefix: 'E',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 100,
        targetWaitMin: 15,
        materials: '诉求相关材料（如有）',
      },
      {
        code: 'consulting',
        name: '咨询',
        nameEn: 'Enquiries',
        prefix: 'F',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 500,
        targetWaitMin: 10,
        materials: '',
      },
      {
        code: 'steward',
        name: '首席服务管家',
        nameEn: 'Service steward',
        prefix: 'G',
        numberStart: 1,
        numberEnd: 999,
        dailyLimit: 100,
        targetWaitMin: 10,
        materials: '',
      },
    ]),
    windows: z.array(WindowSeed).default([
      { number: 1, name: '综合受理 1', services: ['business-startup', 'consulting'] },
      { number: 2, name: '综合受理 2', services: ['real-estate', 'livelihood', 'consulting'] },
      { number: 3, name: '社保医保', services: ['social-security', 'livelihood'] },
      { number: 4, name: '营商诉求', services: ['business-appeal', 'business-startup'] },
      { number: 5, name: '首席服务管家', services: ['steward', 'business-appeal'] },
    ]),
    /**
     * The queue service whose tickets are steward requests (首席服务管家): issued with green-channel
     * priority; whoever calls one becomes the steward of the case it belongs to.
     */
    stewardService: z.string().default('steward'),
    /**
     * Working-day calendar for promised deadlines (承诺时限): Monday–Friday, minus public
     * holidays, plus the weekend days worked in their place (调休). Dates are YYYY-MM-DD.
     */
    calendar: WorkCalendarConfig.prefault({}),
    /** The hall display (/display): how calls are announced and how many are listed. */
    display: DisplayOptions.prefault({}),
  })
  .superRefine((config, ctx) => {
    // The plain-http listener never leaves this machine: the LAN is the HTTPS listener's, switched on on purpose.
    if (!isLoopbackHost(config.listen.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['listen', 'host'],
        message:
          'listen is plain http for this machine only: serve the LAN with "lan": { "enabled": true } (HTTPS on lan.host:lan.port)',
      });
    }
    // Whole cases go to the central API: never in clear across a network.
    const central = URL.canParse(config.centralApi.url) ? new URL(config.centralApi.url) : null;
    if (central !== null && central.protocol !== 'https:' && !isLoopbackHost(central.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['centralApi', 'url'],
        message: `centralApi.url must be https (plain http only to this machine): ${central.origin}`,
      });
    }
  });

export type HostConfig = z.infer<typeof HostConfig>;
export type HostConfigInput = z.input<typeof HostConfig>;
