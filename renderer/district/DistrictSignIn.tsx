import { useTranslation } from 'react-i18next';
import type { DistrictStaff } from '../../contracts/platform-console';
import { SignInForm, signInProblemOf, type SignInProblem } from '../ui/console/SignInForm';
import { DistrictClientError } from './district-client';
import { useDistrictClient } from './session';

/**
 * District staff sign in with their username and password (the consoles' sign-in form). The
 * platform answers a wrong password and an unknown name alike and locks a name after repeated
 * failures; the form says which of those happened, nothing more.
 */
export function DistrictSignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (staff: DistrictStaff) => void }) {
  const client = useDistrictClient();
  const { t } = useTranslation();

  // Sign-in names are lower case (DistrictUsername): one typed with capitals is the same account.
  const attempt = async (username: string, password: string): Promise<SignInProblem | null> => {
    try {
      const session = await client.signIn(username.toLowerCase(), password);
      onSignedIn(session.staff);
      return null;
    } catch (error) {
      return signInProblemOf(error instanceof DistrictClientError ? error.code : undefined);
    }
  };

  return (
    <SignInForm
      idPrefix="dst"
      labels={{
        title: t('district.signIn.title'),
        who: t('district.signIn.who'),
        name: t('district.signIn.username'),
        secret: t('district.signIn.password'),
        submit: t('district.signIn.submit'),
        busy: t('district.signIn.busy'),
      }}
      numeric={false}
      notice={notice}
      attempt={attempt}
      describe={(problem) => t(`district.signIn.problems.${problem}`)}
    />
  );
}
