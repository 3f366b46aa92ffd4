import { z } from 'zod';
import { spokenTicketNumber } from './announcements';
import { CaseStatus, CatalogTheme } from './central-api';
import { TicketNumber } from './queue';

/**
 * The kiosk's spoken guidance (语音引导), one table for the browser voice and the host's espeak-ng:
 * every sentence the kiosk may say is a prompt here, named by its key. A prompt's only parameters
 * come from closed sets (a ticket number, a case status, a theme), so nothing a citizen typed or a
 * card holds (name, ID number, address, phone) can be spoken or sent to the host for speech. The
 * host renders a prompt from this table (`GET /kiosk/prompts/speech`), never a text it is sent.
 */

/** Every prompt the kiosk says. */
export const KioskPromptKey = z.enum([
  /** The home tiles. */
  'home',
  /** The visit ended with the ID card still on the reader (said again and again). */
  'takeCard',
  /** A ticket taken (取号, or from 办事指南). */
  'ticketTaken',
  'checkinStart',
  'checkinDone',
  /** Checked in before: the same number again. */
  'checkinAgain',
  /** A refused check-in: its reason (which may hold a time) is on the screen. */
  'checkinProblem',
  'stewardStart',
  'stewardDone',
  'stewardProblem',
  /** The case form's steps (办事申报). */
  'caseChoose',
  'caseForm',
  'caseMaterials',
  'caseConfirm',
  'casePrinted',
  'casePrintFailed',
  /** The first step of 营商诉求. */
  'complaintIntro',
  /** A theme of livelihood items opened. */
  'themeItems',
  /** A case's progress looked up: only its status. */
  'progressStatus',
  'evaluateThanks',
  /** A poor rating: the hall follows it up. */
  'evaluateThanksCallback',
]);
export type KioskPromptKey = z.infer<typeof KioskPromptKey>;

/** The languages the kiosk speaks (its two UI languages). */
export const KioskPromptLanguage = z.enum(['zh', 'en']);
export type KioskPromptLanguage = z.infer<typeof KioskPromptLanguage>;

/** A shelf of livelihood items: a catalog theme, or `other` for items that name none. */
export const KioskTheme = z.union([CatalogTheme, z.literal('other')]);
export type KioskTheme = z.infer<typeof KioskTheme>;

type Pair = readonly [zh: string, en: string];

/** The themes' names, as the kiosk shows and says them. */
export const THEME_NAMES: Readonly<Record<KioskTheme, Pair>> = {
  'social-insurance': ['社会保险', 'Social insurance'],
  'medical-insurance': ['医疗保障', 'Medical insurance'],
  'social-assistance': ['社会救助', 'Social assistance'],
  'elderly-care': ['养老服务', 'Elderly care'],
  disability: ['残疾人服务', 'Disability services'],
  family: ['生育与家庭', 'Births and family'],
  residence: ['户籍与居住', 'Residence'],
  employment: ['就业创业', 'Jobs'],
  veterans: ['退役军人', 'Veterans'],
  other: ['其他民生事项', 'More services'],
};

/** A case's status in words, as the kiosk shows and says it. */
export const CASE_STATUS_WORDS: Readonly<Record<CaseStatus, Pair>> = {
  submitted: ['已提交', 'Submitted'],
  accepted: ['已受理', 'Accepted'],
  in_progress: ['办理中', 'In progress'],
  completed: ['已办结', 'Completed'],
  rejected: ['不予受理', 'Not accepted'],
  needs_materials: ['需补正材料', 'More materials needed'],
};

/** The parameter each prompt needs, if any. */
const NEEDS = {
  ticketTaken: 'number',
  checkinDone: 'number',
  checkinAgain: 'number',
  stewardDone: 'number',
  themeItems: 'theme',
  progressStatus: 'status',
} as const satisfies Partial<Record<KioskPromptKey, 'number' | 'theme' | 'status'>>;

const promptShape = {
  key: KioskPromptKey,
  number: TicketNumber.optional(),
  theme: KioskTheme.optional(),
  status: CaseStatus.optional(),
};
type PromptFields = { key: KioskPromptKey } & Partial<Record<'number' | 'theme' | 'status', string | undefined>>;

/** Refuses a parameter the prompt does not take, and a missing one it needs. */
function checkParameters(prompt: PromptFields, ctx: z.RefinementCtx): void {
  const needs: string | undefined = (NEEDS as Partial<Record<KioskPromptKey, string>>)[prompt.key];
  for (const name of ['number', 'theme', 'status'] as const) {
    const given = prompt[name] !== undefined;
    if (given && needs !== name) ctx.addIssue({ code: 'custom', path: [name], message: `${prompt.key} takes no ${name}` });
    if (!given && needs === name) ctx.addIssue({ code: 'custom', path: [name], message: `${prompt.key} needs a ${name}` });
  }
}

/** One prompt to say: its key and the one parameter it needs (and no other). */
export const KioskPrompt = z.object(promptShape).strict().superRefine(checkParameters);
export type KioskPrompt = z.infer<typeof KioskPrompt>;

/** GET /kiosk/prompts/speech: a prompt and the language to say it in (nothing else: no text). */
export const KioskPromptSpeechQuery = z
  .object({ ...promptShape, lang: KioskPromptLanguage })
  .strict()
  .superRefine(checkParameters);
export type KioskPromptSpeechQuery = z.infer<typeof KioskPromptSpeechQuery>;

const byLanguage = (lang: KioskPromptLanguage, pair: Pair): string => (lang === 'zh' ? pair[0] : pair[1]);
/** A ticket number as the hall says it in Chinese (A零一二), and letter by letter in English. */
const spokenNumber = (lang: KioskPromptLanguage, number: string | undefined): string =>
  number === undefined ? '' : lang === 'zh' ? spokenTicketNumber(number) : number.split('').join(' ');

type Texts = (p: KioskPrompt, lang: KioskPromptLanguage) => Pair;

/** Each prompt's sentence in Chinese and in English. */
const TEXTS: Readonly<Record<KioskPromptKey, Texts>> = {
  home: () => ['请选择要办理的业务。', 'Please choose a service.'],
  takeCard: () => ['请取回您的身份证。', 'Please take your ID card.'],
  ticketTaken: (p, l) => [
    `您的号码是${spokenNumber(l, p.number)}，请取走小票，留意叫号。`,
    `Your number is ${spokenNumber(l, p.number)}. Please take your ticket and listen for your call.`,
  ],
  checkinStart: () => [
    '请刷身份证签到，或扫描预约二维码。',
    'Place your ID card on the reader, or scan your appointment QR code.',
  ],
  checkinDone: (p, l) => [
    `签到成功。您的号码是${spokenNumber(l, p.number)}，请留意叫号。`,
    `You are checked in. Your number is ${spokenNumber(l, p.number)}. Please listen for your call.`,
  ],
  checkinAgain: (p, l) => [
    `您已签到过，您的号码是${spokenNumber(l, p.number)}。`,
    `You checked in before. Your number is ${spokenNumber(l, p.number)}.`,
  ],
  checkinProblem: () => ['签到没有成功，请看屏幕上的说明。', 'Check-in did not go through. Please read the screen.'],
  stewardStart: () => [
    '首席服务管家为您一对一帮办，需要请点击“请服务管家帮我”。',
    'Chief service stewards give one-to-one help. Press "Please help me, steward" if you need one.',
  ],
  stewardDone: (p, l) => [
    `您的服务管家号是${spokenNumber(l, p.number)}，绿色通道优先叫号，请留意服务管家窗口叫号。`,
    `Your steward number is ${spokenNumber(l, p.number)}. It is called first at the steward window.`,
  ],
  stewardProblem: () => ['没有申请成功，请看屏幕上的说明。', 'Your request did not go through. Please read the screen.'],
  caseChoose: () => ['请选择要办理的事项。', 'Please choose what you want to apply for.'],
  caseForm: () => [
    '请填写申报信息，身份证上的信息已自动填写。',
    'Please fill in the details. What is on your ID card is already filled in.',
  ],
  caseMaterials: () => ['请勾选您已带来的材料。', 'Please tick the documents you brought.'],
  caseConfirm: () => ['请核对信息，确认无误后点击确认提交。', 'Please check the details, then tap Submit.'],
  casePrinted: () => ['提交成功，请取走受理回执。', 'Submitted. Please take your receipt.'],
  casePrintFailed: () => [
    '提交成功。回执未能打印，请扫描屏幕上的二维码。',
    'Submitted. The receipt could not be printed; please scan the QR code on the screen.',
  ],
  complaintIntro: () => [
    '营商诉求将按受理、办理、办结限时办理。请点击我要反映诉求。',
    'Business complaints are accepted, handled and resolved on a deadline. Tap Make a complaint to begin.',
  ],
  themeItems: (p, l) => {
    const name = p.theme === undefined ? '' : byLanguage(l, THEME_NAMES[p.theme]);
    return [`${name}：请选择要办理的事项。`, `${name}: please choose what you want to apply for.`];
  },
  progressStatus: (p, l) => {
    const status = p.status === undefined ? '' : byLanguage(l, CASE_STATUS_WORDS[p.status]);
    return [`查询结果：${status}。详细进度请看屏幕。`, `Result: ${status}. The details are on the screen.`];
  },
  evaluateThanks: () => [
    '感谢您的评价！我们会继续努力，为您提供更好的服务。',
    'Thank you for your rating! We will keep working to serve you better.',
  ],
  evaluateThanksCallback: () => [
    '感谢您的评价！我们已记录您的意见，大厅负责人将核实情况、督促整改，并按规定回访。',
    'Thank you for your rating! We have recorded your feedback. The hall’s manager will look into it, see that it is put right and follow up with you as required.',
  ],
};

/** The sentence of `prompt` in `lang`; throws when the prompt is not one of the table's (checked first). */
export function kioskPromptText(prompt: KioskPrompt, lang: KioskPromptLanguage): string {
  const checked = KioskPrompt.parse(prompt);
  return byLanguage(lang, TEXTS[checked.key](checked, lang));
}

/** The prompt language of a UI language (i18next's `zh-CN`, `en`, …). */
export function promptLanguage(uiLanguage: string): KioskPromptLanguage {
  return uiLanguage.startsWith('en') ? 'en' : 'zh';
}

/** The kiosk's voice volume, 0–100 % of full (0: silent), set for the whole hall. */
export const KioskVoiceVolume = z.number().int().min(0).max(100);
export type KioskVoiceVolume = z.infer<typeof KioskVoiceVolume>;
