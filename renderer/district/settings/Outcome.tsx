import { useDistrictSession } from '../session';

/** What a panel's last change did: done, or the platform's refusal. */
export function Outcome({ done, error }: { done: string | null; error: unknown }) {
  const session = useDistrictSession();
  if (error)
    return (
      <p className="error" role="alert">
        {session.describeError(error)}
      </p>
    );
  return done === null ? null : (
    <p className="console-done" role="status">
      {done}
    </p>
  );
}
