import { useQuery } from '@tanstack/react-query';
import { DISTRICT_KEYS, useDistrictClient } from '../session';

/**
 * The signed-in account's department as the complaint directory knows it (its complaint person's
 * unit), or null: an account that is no complaint person, or while the directory loads. Read
 * under the complaint desk's own keys, so the two sections share one fetch.
 */
export function usePersonUnit(): string | null {
  const client = useDistrictClient();
  const me = useQuery({ queryKey: [...DISTRICT_KEYS.all, 'me'], queryFn: () => client.me(), staleTime: Infinity });
  const personId = me.data?.staff.personId ?? null;
  const directory = useQuery({
    queryKey: [...DISTRICT_KEYS.all, 'complaint-directory'],
    queryFn: () => client.complaintDirectory(),
    staleTime: 5 * 60_000,
    enabled: personId !== null,
  });
  const person = directory.data?.people.find((p) => p.id === personId && p.active);
  return person?.unitCode ?? null;
}
