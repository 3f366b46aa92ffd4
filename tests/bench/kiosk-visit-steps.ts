/**
 * The visit the kiosk-visit bench drives, as a list of steps a citizen takes; each step is a
 * few taps, and each tap says what the citizen should see after it (its outcome), so the bench
 * times the tap to the frame that shows it. A step added here is measured and reported like the
 * others.
 *
 * The on-screen keyboard is driven by its keys' accessible names (a button named "8", "完成",
 * a candidate named "中"), so the steps survive a rewrite of the keyboard; until its keys are
 * buttons, the present keyboard's `data-skbtn` keys and candidate list stand in (`key()` below).
 */
import type { Locator, Page } from 'playwright-core';
import type { Outcome } from './kiosk-visit-probe';

export interface Tap {
  /** What the citizen does, e.g. "key 8". */
  label: string;
  press(page: Page): Promise<void>;
  /** What the tap should bring on screen; null when the tap's own next frame is all there is to see. */
  outcome: Outcome | null;
  /**
   * A device the outcome waits for (the reader's protocol, the printer's confirmation of the
   * ticket, the camera's first frame and the page straightened in its worker): the step reports the whole wait, the taps' p95 and maximum count the tap to its
   * next painted frame, which is the kiosk's own part.
   */
  device?: 'reader' | 'printer' | 'camera';
}

export interface Step {
  name: string;
  taps: Tap[];
}

/** The demo reader's card (hardware/idcard/simulated-cards.ts), labelled by its masked name. */
const CARD_LABEL = '放卡：张*';
const ITEM = '企业开办一站式办理';

const tap = (label: string, target: (page: Page) => Locator, outcome: Outcome | null = null, device?: Tap['device']): Tap => ({
  label,
  press: (page) => target(page).click(),
  outcome,
  ...(device === undefined ? {} : { device }),
});

const osk = (page: Page) => page.getByTestId('osk');
const KEYBOARD_SHOWN: Outcome = { selector: '[data-testid="osk"]' };
const KEYBOARD_GONE: Outcome = { selector: '[data-testid="osk"]', gone: true };

/** The present keyboard's names for its function keys (its data-skbtn), by what a key says. */
const LEGACY_KEY: Readonly<Record<string, string>> = { 完成: '{done}', 删除: '{bksp}', 空格: '{space}' };

/** A key of the on-screen keyboard by its accessible name. */
function key(name: string): Tap {
  return tap(`key ${name}`, (page) =>
    osk(page)
      .getByRole('button', { name, exact: true })
      .or(osk(page).locator(`[data-skbtn="${LEGACY_KEY[name] ?? name}"]`)),
  );
}

/** A candidate of the pinyin bar by the text it offers. */
function candidate(text: string): Tap {
  return tap(`candidate ${text}`, (page) =>
    osk(page)
      .getByRole('button', { name: text, exact: true })
      .or(osk(page).locator('.hg-candidate-box-list-item', { hasText: text }).first()),
  );
}

/** Pinyin typed key by key, then the candidate picked: "zhong" → 中. */
function syllable(pinyin: string, pick: string): Tap[] {
  return [...pinyin].map(key).concat(candidate(pick));
}

/** A form field tapped by its label: the keyboard comes up. */
function field(label: string): Tap {
  return tap(`field ${label}`, (page) => page.getByLabel(new RegExp(`^${label}`)), KEYBOARD_SHOWN);
}

/** 完成: the keyboard goes away. */
const done: Tap = { ...key('完成'), outcome: KEYBOARD_GONE };

const nextStep = (to: string) =>
  tap(`下一步 → ${to}`, (page) => page.getByRole('button', { name: '下一步', exact: true }), {
    selector: `.case-step-body[data-step="${to}"]`,
  });

const CAPTURE_SCREEN = '[data-testid="capture-screen"]';

/**
 * The document camera's capture of the item's first material: open the camera (its live picture
 * playing), 拍照 (the page straightened and compressed in the worker, OpenCV loaded there the first
 * time), 确认使用 (back to the materials). The bench's browser has Chromium's fake camera and the
 * host has it chosen (kiosk-visit.bench.ts).
 */
export const CAPTURE_MATERIAL_TAPS: Tap[] = [
  tap(
    '拍摄 (first material)',
    (page) => page.locator('[data-material]').first().getByRole('button', { name: /拍摄/ }),
    { selector: `${CAPTURE_SCREEN}[data-phase="live"]` },
    'camera',
  ),
  tap(
    '拍照',
    (page) => page.getByTestId('capture-screen').getByRole('button', { name: '拍照', exact: true }),
    { selector: `${CAPTURE_SCREEN}[data-phase="review"]` },
    'camera',
  ),
  tap('确认使用', (page) => page.getByTestId('capture-screen').getByRole('button', { name: '确认使用', exact: true }), {
    selector: CAPTURE_SCREEN,
    gone: true,
  }),
];

export const VISIT: readonly Step[] = [
  {
    name: 'card on the reader → greeting (the reader protocol included)',
    taps: [
      tap(
        'demo reader: place card',
        (page) => page.getByRole('button', { name: CARD_LABEL }),
        { selector: '[data-testid="citizen-name"]', text: '张*' },
        'reader',
      ),
    ],
  },
  {
    name: '取号 → service list',
    taps: [
      tap('tile 取号', (page) => page.locator('button.tile[data-flow="ticket"]'), {
        selector: 'section.services .tile:not([disabled])',
      }),
    ],
  },
  {
    // The host answers once the printer confirmed the ticket (host/api/routes-queue.ts).
    name: 'service → ticket (the printer confirming it included)',
    taps: [
      tap(
        'first open service',
        (page) => page.locator('section.services .tile:not([disabled])').first(),
        { selector: '.ticket-number' },
        'printer',
      ),
    ],
  },
  {
    name: '首页 → home',
    taps: [
      tap('首页', (page) => page.getByRole('button', { name: '首页', exact: true }), {
        selector: 'button.tile[data-flow="case"]',
      }),
    ],
  },
  {
    name: '办事申报 → item list',
    taps: [tap('tile 办事申报', (page) => page.locator('button.tile[data-flow="case"]'), { selector: 'article.case-bundle' })],
  },
  {
    name: `${ITEM} → its form`,
    taps: [
      tap(`申报「${ITEM}」`, (page) => page.getByRole('button', { name: `申报「${ITEM}」` }), {
        selector: '.case-step-body[data-step="form"]',
      }),
    ],
  },
  { name: 'tap a field → keyboard', taps: [field('联系电话')] },
  { name: 'phone number on the keypad', taps: [...'13800138000'].map(key) },
  { name: '完成 → keyboard closed', taps: [done] },
  {
    name: 'company name in pinyin',
    taps: [field('拟设企业名称'), ...syllable('zhong', '中'), ...syllable('guo', '国'), done],
  },
  {
    name: 'choices',
    taps: [
      tap('有限责任公司', (page) => page.getByRole('button', { name: '有限责任公司', exact: true })),
      tap('建设银行', (page) => page.getByRole('button', { name: '建设银行', exact: true })),
    ],
  },
  {
    name: 'address in pinyin',
    taps: [field('住所'), ...syllable('he', '和'), ...syllable('ping', '平'), ...syllable('lu', '路'), done],
  },
  { name: '下一步 → materials', taps: [nextStep('materials')] },
  { name: 'capture a material (document camera)', taps: CAPTURE_MATERIAL_TAPS },
  { name: '下一步 → confirm', taps: [nextStep('confirm')] },
  {
    name: '确认提交 → submitted',
    taps: [
      tap('确认提交', (page) => page.getByRole('button', { name: '确认提交', exact: true }), {
        selector: '.case-step-body[data-step="done"]',
      }),
    ],
  },
];
