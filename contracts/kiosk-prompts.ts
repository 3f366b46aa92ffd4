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
  /** A refused check-in: what happened (its details, a time or a date, only on the screen). */
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
  /** The document camera's live picture, and the page taken to confirm (no material named: the screen names it). */
  'cameraLive',
  'cameraReview',
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

/** Why a check-in was refused (the error codes of POST /appointments/check-in, and the kiosk's own). */
export const CheckInProblem = z.enum([
  'appointment_unknown_card',
  'appointment_unknown_code',
  'appointment_other_day',
  'appointment_too_early',
  'appointment_expired',
  'appointment_not_yours',
  'appointment_used',
  'duplicate_ticket',
  'service_closed',
  'service_unknown',
  'daily_limit_reached',
  'no_identity',
  'invalid_state',
  'invalid_request',
  'network',
  'generic',
]);
export type CheckInProblem = z.infer<typeof CheckInProblem>;

/** Why a steward request was refused. */
export const StewardProblem = z.enum([
  'steward_unavailable',
  'service_closed',
  'daily_limit_reached',
  'slot_full',
  'duplicate_ticket',
  'network',
  'generic',
]);
export type StewardProblem = z.infer<typeof StewardProblem>;

/**
 * A refused check-in, said: what happened, without its details (a date, a time), which stay on
 * the screen with what to do next.
 */
const CHECKIN_PROBLEMS: Readonly<Record<CheckInProblem, Pair>> = {
  appointment_unknown_card: ['没有找到您今天的预约', 'No appointment today for this ID card'],
  appointment_unknown_code: ['没有找到这个预约码', 'This booking code was not found'],
  appointment_other_day: ['这个预约不是今天的', 'This appointment is not for today'],
  appointment_too_early: ['还没到签到时间', 'Check-in has not opened yet'],
  appointment_expired: ['预约时段已过，预约已失效', 'Your slot has passed'],
  appointment_not_yours: [
    '预约码与读卡器上的身份证不是同一个人',
    'This booking code belongs to someone other than the ID card on the reader',
  ],
  appointment_used: ['这个预约已经签到并办理完毕', 'This appointment was already checked in and served'],
  duplicate_ticket: ['您已有这个事项的号码', 'You already hold a number for this service'],
  service_closed: ['预约的事项当前不在办理时间', 'The booked service is closed right now'],
  service_unknown: ['本大厅暂时无法为这个预约事项排号', 'This hall cannot queue the booked service here'],
  daily_limit_reached: ['这个事项今天的号码已经发完', 'All numbers for this service have been given out today'],
  no_identity: ['没有读取到身份证', 'No ID card was read'],
  invalid_state: ['这个预约刚刚已经签到', 'This appointment was checked in a moment ago'],
  invalid_request: ['预约码格式不正确', 'That booking code does not look right'],
  network: ['暂时连接不上大厅服务器', 'The hall server cannot be reached right now'],
  generic: ['签到没有成功', 'Check-in did not succeed'],
};

/** A refused steward request, said. */
const STEWARD_PROBLEMS: Readonly<Record<StewardProblem, Pair>> = {
  steward_unavailable: ['本大厅暂未设置首席服务管家', 'This hall has no service steward yet'],
  service_closed: ['服务管家当前不在服务时间', 'Stewards are not on duty right now'],
  daily_limit_reached: ['今天的服务管家号已经发完', "Today's steward numbers have all been given out"],
  slot_full: ['这个时段的服务管家号已经发完', 'Steward numbers for this time slot have all been given out'],
  duplicate_ticket: ['您今天已经有服务管家号', 'You already have a steward number today'],
  network: ['暂时连接不上大厅服务器', 'The hall server cannot be reached right now'],
  generic: ['没有申请成功', 'Your request did not go through'],
};

type Parameter = 'number' | 'theme' | 'status' | 'problem';
const PARAMETERS: readonly Parameter[] = ['number', 'theme', 'status', 'problem'];

/** The parameter each prompt needs, if any. */
const NEEDS = {
  ticketTaken: 'number',
  checkinDone: 'number',
  checkinAgain: 'number',
  stewardDone: 'number',
  themeItems: 'theme',
  progressStatus: 'status',
  checkinProblem: 'problem',
  stewardProblem: 'problem',
} as const satisfies Partial<Record<KioskPromptKey, Parameter>>;

/** The problems each problem prompt may say. */
const PROBLEMS_OF: Partial<Record<KioskPromptKey, z.ZodEnum>> = {
  checkinProblem: CheckInProblem,
  stewardProblem: StewardProblem,
};

const promptShape = {
  key: KioskPromptKey,
  number: TicketNumber.optional(),
  theme: KioskTheme.optional(),
  status: CaseStatus.optional(),
  problem: z.union([CheckInProblem, StewardProblem]).optional(),
};
type PromptFields = { key: KioskPromptKey } & Partial<Record<Parameter, string | undefined>>;

/** Refuses a parameter the prompt does not take, and a missing one it needs. */
function checkParameters(prompt: PromptFields, ctx: z.RefinementCtx): void {
  const needs: string | undefined = (NEEDS as Partial<Record<KioskPromptKey, string>>)[prompt.key];
  for (const name of PARAMETERS) {
    const given = prompt[name] !== undefined;
    if (given && needs !== name) ctx.addIssue({ code: 'custom', path: [name], message: `${prompt.key} takes no ${name}` });
    if (!given && needs === name) ctx.addIssue({ code: 'custom', path: [name], message: `${prompt.key} needs a ${name}` });
  }
  const problems = PROBLEMS_OF[prompt.key];
  if (problems && prompt.problem !== undefined && !problems.safeParse(prompt.problem).success)
    ctx.addIssue({ code: 'custom', path: ['problem'], message: `${prompt.key} has no problem ${prompt.problem}` });
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

/** What went wrong, then where to read the rest. */
const problemSentence = ([zh, en]: Pair): Pair => [`${zh}。请看屏幕上的说明。`, `${en}. Please read the screen.`];

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
  checkinProblem: (p) => problemSentence(CHECKIN_PROBLEMS[CheckInProblem.catch('generic').parse(p.problem)]),
  stewardStart: () => [
    '首席服务管家为您一对一帮办，需要请点击“请服务管家帮我”。',
    'Chief service stewards give one-to-one help. Press "Please help me, steward" if you need one.',
  ],
  stewardDone: (p, l) => [
    `您的服务管家号是${spokenNumber(l, p.number)}，绿色通道优先叫号，请留意服务管家窗口叫号。`,
    `Your steward number is ${spokenNumber(l, p.number)}. It is called first at the steward window.`,
  ],
  stewardProblem: (p) => problemSentence(STEWARD_PROBLEMS[StewardProblem.catch('generic').parse(p.problem)]),
  caseChoose: () => ['请选择要办理的事项。', 'Please choose what you want to apply for.'],
  caseForm: () => [
    '请填写申报信息，身份证上的信息已自动填写。',
    'Please fill in the details. What is on your ID card is already filled in.',
  ],
  caseMaterials: () => ['请勾选您已带来的材料。', 'Please tick the documents you brought.'],
  caseConfirm: () => ['请核对信息，确认无误后点击确认提交。', 'Please check the details, then tap Submit.'],
  cameraLive: () => [
    '请将材料平放在高拍仪下，放稳后会自动拍照。',
    'Lay the page flat under the document camera; it is taken once it holds still.',
  ],
  cameraReview: () => ['请确认拍摄的材料是否清楚完整。', 'Please check that the page is clear and complete.'],
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
