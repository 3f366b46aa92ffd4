import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../../contracts/complaints';
import { DISTRICT_KEYS, useDistrictClient } from '../session';
import type { Capacity } from './available-actions';

/** The directory's query key: the directory screen's changes refresh the complaint screens too. */
export const COMPLAINT_DIRECTORY_KEY = [...DISTRICT_KEYS.all, 'complaint-directory'] as const;

export interface ComplaintDesk {
  units: readonly Unit[];
  /** A unit's name for its code (the code itself while the directory loads or for a unit it lacks). */
  unitName: (code: string) => string;
  /** The signed-in account's complaint capacity; null for an account that is no complaint person. */
  capacity: Capacity | null;
  /** Whether the directory and `me` are read: until then `capacity` is null for everyone. */
  ready: boolean;
}

/**
 * The complaint directory and who the signed-in account acts as, read once per session: the
 * account's person (`me`) found in the directory gives its unit, duty and bureau roles.
 */
export function useComplaintDesk(): ComplaintDesk {
  const client = useDistrictClient();
  const directory = useQuery({
    queryKey: COMPLAINT_DIRECTORY_KEY,
    queryFn: () => client.complaintDirectory(),
    staleTime: 5 * 60_000,
  });
  const me = useQuery({ queryKey: [...DISTRICT_KEYS.all, 'me'], queryFn: () => client.me(), staleTime: Infinity });
  const units = directory.data?.units ?? [];
  const personId = me.data?.staff.personId ?? null;
  const person = personId === null ? undefined : directory.data?.people.find((p) => p.id === personId && p.active);
  return {
    units,
    unitName: (code) => units.find((u) => u.code === code)?.name ?? code,
    capacity: person ? { unitCode: person.unitCode, duty: person.duty, bureauRoles: person.bureauRoles } : null,
    ready: directory.isSuccess && me.isSuccess,
  };
}
