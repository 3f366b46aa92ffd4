import type { AreaMessages, MessageTree } from './types';

type Pair = readonly [zh: string, en: string];

/**
 * Each theme's name and hint in both languages, side by side (keys: renderer/kiosk/flows/themes).
 * A hint says what the theme covers in the words a citizen looks for.
 */
const THEME_WORDS: readonly (readonly [key: string, name: Pair, hint: Pair])[] = [
  [
    'socialInsurance',
    ['社会保险', 'Social insurance'],
    ['养老保险参保、社保卡、资格认证', 'Pension enrolment, social security card, entitlement checks'],
  ],
  [
    'medicalInsurance',
    ['医疗保障', 'Medical insurance'],
    ['医保参保、异地就医、慢特病、报销', 'Enrolment, treatment elsewhere, chronic diseases, refunds'],
  ],
  [
    'socialAssistance',
    ['社会救助', 'Social assistance'],
    ['低保、特困供养、临时救助', 'Minimum living allowance, extreme poverty, emergency help'],
  ],
  [
    'elderlyCare',
    ['养老服务', 'Elderly care'],
    ['优待证、高龄津贴、养老补贴', "Senior citizen's card, allowance at 80, care subsidies"],
  ],
  [
    'disability',
    ['残疾人服务', 'Disability services'],
    ['残疾人证、两项补贴、辅助器具', 'Disability certificate, allowances, assistive devices'],
  ],
  [
    'family',
    ['生育与家庭', 'Births and family'],
    ['生育登记、育儿补贴、独生子女奖励', 'Birth registration, childcare subsidy, only-child rewards'],
  ],
  ['residence', ['户籍与居住', 'Residence'], ['居住证、无犯罪记录证明', 'Residence permit, certificate of no criminal record']],
  [
    'employment',
    ['就业创业', 'Jobs'],
    ['就业创业证、失业登记、失业保险金', 'Employment certificate, registering as unemployed, benefit'],
  ],
  ['veterans', ['退役军人', 'Veterans'], ['优待证、信息采集、抚恤补助', "Veterans' card, records, allowances"]],
  ['other', ['其他民生事项', 'More services'], ['以上分类之外的事项', 'Services outside the themes above']],
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
      say: '{{theme}}：请选择要办理的事项。',
      ...themeWords(0),
    },
  },
  en: {
    themes: {
      choose: 'First choose a theme',
      count_one: '{{count}} service',
      count_other: '{{count}} services',
      back: '‹ All themes',
      say: '{{theme}}: please choose what you want to apply for.',
      ...themeWords(1),
    },
  },
};
