import { useTranslation } from 'react-i18next';
import { PIN_DIGITS, type StaffPrincipal } from '../../../contracts/auth';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { SignInForm, signInProblemOf, type SignInProblem } from './SignInForm';

export interface StaffSignInProps {
  /**
   * The console's message root (`manager`, `tech`): the form reads `<root>.signIn.title`, `who`,
   * `staffNo`, `pin`, `submit`, `busy` (the button while signing in) and `problems.<problem>`.
   */
  messages: string;
  /** The console's prefix of ids and test ids (`mgr` → `mgr-sign-in-error`). */
  idPrefix: string;
  /**
   * Whether this account may use the console, asked once signed in. False, or a refusal of the
   * host (e.g. 403 on the first read), signs the session out again with the refusal shown; every
   * operation behind the console checks the role again on the host all the same.
   */
  admit: (staff: StaffPrincipal) => Promise<boolean>;
  onSignedIn: (staff: StaffPrincipal) => void;
  /** Why the form is shown again (the last session expired), or null. */
  notice: string | null;
}

/** Staff number + PIN, away from any window: the sign-in of the hall's staff consoles. */
export function StaffSignIn({ messages, idPrefix, admit, onSignedIn, notice }: StaffSignInProps) {
  const api = useApi();
  const { t } = useTranslation();
  const text = (key: string) => t(`${messages}.signIn.${key}`, PIN_DIGITS);

  const attempt = async (staffNo: string, pin: string): Promise<SignInProblem | null> => {
    try {
      const { staff } = await api.signInAway(staffNo, pin);
      let admitted: boolean;
      try {
        admitted = await admit(staff);
      } catch (error) {
        await api.signOut();
        throw error;
      }
      if (!admitted) {
        await api.signOut();
        return 'refused';
      }
      onSignedIn(staff);
      return null;
    } catch (error) {
      return signInProblemOf(error instanceof ApiClientError ? error.code : undefined);
    }
  };

  return (
    <SignInForm
      idPrefix={idPrefix}
      labels={{
        title: text('title'),
        who: text('who'),
        name: text('staffNo'),
        secret: text('pin'),
        submit: text('submit'),
        busy: text('busy'),
      }}
      numeric
      notice={notice}
      attempt={attempt}
      describe={(problem, staffNo) => t(`${messages}.signIn.problems.${problem}`, { staffNo, ...PIN_DIGITS })}
    />
  );
}
