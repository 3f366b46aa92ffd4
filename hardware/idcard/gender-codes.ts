/** Gender codes of GB/T 2261.1, as stored on the card (one UCS-2 digit). */

export type GenderCode = '0' | '1' | '2' | '9';

export interface Gender {
  code: GenderCode;
  /** The label printed on the card face / used in forms. */
  label: string;
  en: string;
}

const GENDERS: Readonly<Record<GenderCode, Gender>> = {
  '0': { code: '0', label: '未知', en: 'unknown' },
  '1': { code: '1', label: '男', en: 'male' },
  '2': { code: '2', label: '女', en: 'female' },
  '9': { code: '9', label: '未说明', en: 'unspecified' },
};

export function genderFromCode(code: string): Gender | undefined {
  return Object.hasOwn(GENDERS, code) ? GENDERS[code as GenderCode] : undefined;
}
