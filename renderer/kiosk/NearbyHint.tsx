import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../contracts/queue';
import { useApi } from '../api/context';
import { nearbyWorthGoing } from './nearby';

/**
 * 就近办 on a tile with a long wait: "附近：XX社区政务服务中心 等候 3 人，约 10 分钟". Asked once a
 * half-minute (the host keeps the district platform's answer as long); nothing at all when the
 * platform is out of reach or no hall is worth the trip.
 */
export function NearbyHint({ service }: { service: Service }) {
  const api = useApi();
  const { t } = useTranslation();
  const nearby = useQuery({
    queryKey: ['nearby', service.code],
    queryFn: () => api.nearbyHalls(service.code),
    staleTime: 30_000,
    retry: false,
  });
  const hall = nearbyWorthGoing(nearby.data?.halls ?? [], service.estimatedWaitMinutes);
  if (!hall) return null;
  return (
    <span className="tile-nearby" data-testid="nearby-hall">
      {t('ticket.nearby', { name: hall.name, count: hall.waiting, minutes: hall.estimatedWaitMinutes })}
    </span>
  );
}
