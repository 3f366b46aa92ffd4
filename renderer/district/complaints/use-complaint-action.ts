import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ComplaintAction } from '../../../contracts/complaint-actions';
import { DISTRICT_KEYS, useDistrictClient, useDistrictSession } from '../session';

export const complaintPageKey = (number: string) => [...DISTRICT_KEYS.all, 'complaint', number] as const;

/**
 * One step on a complaint: the platform answers the complaint's page as it now stands, which
 * replaces the open page; the work list is fetched again (its state and deadline moved).
 */
export function useComplaintAction(number: string, onDone: (action: ComplaintAction) => void) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ComplaintAction) => client.complaintAction(number, action),
    onSuccess: (page, action) => {
      queryClient.setQueryData(complaintPageKey(number), page);
      void queryClient.invalidateQueries({ queryKey: [...DISTRICT_KEYS.all, 'complaints'] });
      onDone(action);
    },
    // An ended session signs the console out; the refusal itself is shown by the form.
    onError: (error) => void session.failed(error),
  });
}
