import type { TFunction } from 'i18next';

/**
 * Why a window's service was poor, as chips on the pad: the kiosk's 好差评 reason codes
 * (renderer/kiosk/flows/evaluate: labels under `evaluate.reasons.*`), with the two a window adds
 * (业务不熟练, 等候时间长). 材料要求不清楚 is the 一次性告知 the hall promises.
 */
export const WINDOW_REASONS = ['attitude', 'slow', 'skill', 'waiting', 'unclearMaterials', 'other'] as const;
export type WindowReason = (typeof WINDOW_REASONS)[number];

/**
 * The reason as the host stores it: the chips' Chinese words, whatever language the pad shows,
 * because the hall's staff verify and answer it (`zh` is i18next's fixed zh-CN `t`).
 */
export function reasonText(reasons: readonly WindowReason[], zh: TFunction): string {
  return reasons.map((r) => zh(`evaluate.reasons.${r}`)).join('、');
}
