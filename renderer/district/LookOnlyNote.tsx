import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from './session';

/**
 * "Look only" for a viewer account, unless it acts as a complaint person: then its 营商局 role or
 * unit lets it act on complaints and settings, and the note would tell it otherwise. Who it acts
 * as comes from `me` (sign-in does not say), the query the complaint screens share.
 */
export function LookOnlyNote() {
  const { t } = useTranslation();
  const session = useDistrictSession();
  const client = useDistrictClient();
  const viewer = session.staff.role === 'viewer';
  const me = useQuery({
    queryKey: [...DISTRICT_KEYS.all, 'me'],
    queryFn: () => client.me(),
    staleTime: Infinity,
    enabled: viewer,
  });
  if (!viewer || !me.isSuccess || (me.data.staff.personId ?? null) !== null) return null;
  return <p className="console-look-only">{t('district.lookOnly')}</p>;
}
