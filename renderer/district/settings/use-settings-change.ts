import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, useDistrictSession } from '../session';

/** One change of a setting: the call, which answers the setting as it now stands, and what to say then. */
export interface SettingsChange<T> {
  send: () => Promise<T>;
  done: (saved: T) => string;
}

/**
 * A settings panel's changes: the platform's answer replaces the panel's query data at once; a
 * refusal is shown, and on `rules_changed` (someone saved since) the setting is read again so
 * the next save is made on the version now in force.
 */
export function useSettingsChange<T>(area: string) {
  const queryClient = useQueryClient();
  const session = useDistrictSession();
  const key = [...DISTRICT_KEYS.all, 'complaint-settings', area];
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async ({ send, done: say }: SettingsChange<T>) => {
      const saved = await send();
      return { saved, message: say(saved) };
    },
    onSuccess: ({ saved, message }) => {
      queryClient.setQueryData(key, saved);
      setDone(message);
    },
    onError: (error) => {
      session.failed(error);
      if (error instanceof DistrictClientError && error.code === 'rules_changed')
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  return {
    key,
    run: (change: SettingsChange<T>) => {
      setDone(null);
      mutation.mutate(change);
    },
    done,
    error: mutation.error,
    busy: mutation.isPending,
  };
}
