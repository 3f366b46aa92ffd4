import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISTRICT_KEYS, useDistrictClient } from '../session';
import { periodLabel } from './period-choices';

/** Every query of the section sits under this key: a change refreshes the lot. */
export const INDICATOR_KEYS = {
  all: [...DISTRICT_KEYS.all, 'indicators'] as const,
  tree: [...DISTRICT_KEYS.all, 'indicators', 'tree'] as const,
  periods: [...DISTRICT_KEYS.all, 'indicators', 'periods'] as const,
  scores: (period: string) => [...DISTRICT_KEYS.all, 'indicators', 'scores', period] as const,
  leaves: (period: string, unit: string | undefined) =>
    [...DISTRICT_KEYS.all, 'indicators', 'leaves', period, unit ?? ''] as const,
  entries: (period: string, code: string) => [...DISTRICT_KEYS.all, 'indicators', 'entries', period, code] as const,
  trend: (kind: string, code: string | null) => [...DISTRICT_KEYS.all, 'indicators', 'trend', kind, code ?? ''] as const,
};

export function useIndicatorTree() {
  const client = useDistrictClient();
  return useQuery({ queryKey: INDICATOR_KEYS.tree, queryFn: () => client.indicatorTree() });
}

export function useIndicatorPeriods() {
  const client = useDistrictClient();
  return useQuery({ queryKey: INDICATOR_KEYS.periods, queryFn: () => client.indicatorPeriods() });
}

/** After a change: scores, sheets, trends and periods are read again. */
export function useRefreshIndicators(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: INDICATOR_KEYS.all });
}

/** A period's name in the console's language: 2026年第3季度, Q3 2026. */
export function usePeriodName(): (key: string) => string {
  const { t } = useTranslation();
  return (key) => {
    const label = periodLabel(key);
    return t(label.key, label.values);
  };
}
