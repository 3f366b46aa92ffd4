import { DistrictClientError } from '../district-client';

/** The indicator system's refusals that have words of their own (`dstIndicators.refusals.<code>`). */
const INDICATOR_REFUSALS = [
  'period_exists',
  'period_not_started',
  'period_closed',
  'period_not_found',
  'leaf_computed',
  'note_required',
  'entry_not_submitted',
  'entry_not_found',
  'indicator_tree_changed',
  'indicator_not_found',
] as const;
type IndicatorRefusal = (typeof INDICATOR_REFUSALS)[number];

const isIndicatorRefusal = (code: string): code is IndicatorRefusal => (INDICATOR_REFUSALS as readonly string[]).includes(code);

/** A refusal of the indicator operations in words; any other error as the console says it (`fallback`). */
export function refusalText(error: unknown, t: (key: string) => string, fallback: (error: unknown) => string): string {
  if (error instanceof DistrictClientError && isIndicatorRefusal(error.code)) return t(`dstIndicators.refusals.${error.code}`);
  return fallback(error);
}
