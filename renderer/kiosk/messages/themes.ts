import { THEME_NAMES } from '../../../contracts/kiosk-prompts';
import type { AreaMessages, MessageTree } from './types';

type Pair = readonly [zh: string, en: string];

/**
 * Each theme's name (the one the kiosk also says: contracts/kiosk-prompts.ts) and hint in both
 * languages, side by side (keys: renderer/kiosk/flows/themes).
 * A hint says what the theme covers in the words a citizen looks for.
 */
const THEME_WORDS: readonly (readonly [key: string, name: Pair, hint: Pair])[] = [
  [
    'socialInsurance',
    THEME_NAMES['social-insurance'],
    ['养老保险参保、社保卡、资格认证', 'Pension enrolment, social security card, entitlement checks'],
  ],
  [
    'medicalInsurance',
    THEME_NAMES['medical-insurance'],
    ['医保参保、异地就医、慢特病、报销', 'Enrolment, treatment elsewhere, chronic diseases, refunds'],
  ],
  [
    'socialAssistance',
    THEME_NAMES['social-assistance'],
    ['低保、特困供养、临时救助', 'Minimum living allowance, extreme poverty, emergency help'],
  ],
  [
    'elderlyCare',
    THEME_NAMES['elderly-care'],
    ['优待证、高龄津贴、养老补贴', "Senior citizen's card, allowance at 80, care subsidies"],
  ],
  [
    'disability',
    THEME_NAMES['disability'],
    ['残疾人证、两项补贴、辅助器具', 'Disability certificate, allowances, assistive devices'],
  ],
  [
    'family',
    THEME_NAMES['family'],
    ['生育登记、育儿补贴、独生子女奖励', 'Birth registration, childcare subsidy, only-child rewards'],
  ],
  ['residence', THEME_NAMES['residence'], ['居住证、无犯罪记录证明', 'Residence permit, certificate of no criminal record']],
  [
    'employment',
    THEME_NAMES['employment'],
    ['就业创业证、失业登记、失业保险金', 'Employment certificate, registering as unemployed, benefit'],
  ],
  ['veterans', THEME_NAMES['veterans'], ['优待证、信息采集、抚恤补助', "Veterans' card, records, allowances"]],
  ['other', THEME_NAMES['other'], ['以上分类之外的事项', 'Services outside the themes above']],
];

const themeWords = (language: 0 | 1): MessageTree =>
  Object.fromEntries(THEME_WORDS.map(([key, name, hint]) => [key, { name: name[language], hint: hint[language] }]));

/**
 * Messages of the themes a long list of livelihood items is shelved under (i18n keys `themes.*`),
 * shared by 办事申报 and 办事指南.
 */
export const themeMessages: AreaMessages = {
  zhCN: {
    themes: {
      choose: '请先选择事项分类',
      count_one: '共 {{count}} 项',
      count_other: '共 {{count}} 项',
      back: '‹ 返回全部分类',
      ...themeWords(0),
    },
  },
  en: {
    themes: {
      choose: 'First choose a theme',
      count_one: '{{count}} service',
      count_other: '{{count}} services',
      back: '‹ All themes',
      ...themeWords(1),
    },
  },
};
