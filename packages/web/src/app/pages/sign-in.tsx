import { useState } from 'preact/hooks';
import { type AppConfig, type Me, ROLE_NAMES, signInLocally, startCognitoSignIn } from '../session';
import { PageHeading, ProblemView } from '../ui';

const ROLE_WORK: Readonly<Record<Me['role'], string>> = {
  'madp-chair': 'upload the weekly mapping, run the analysis, agree action plans',
  'early-help-lead': 'cluster reports, parent invitation lists, carers and consent',
  'police-analyst': 'places, graded sightings and relationships from intelligence',
  'partnership-admin': 'settings, audit, erasure and subject access',
};

export function SignInPage({
  config,
  onSignedIn,
  problem,
}: {
  config: AppConfig;
  onSignedIn: (token: string) => void;
  /** Why the last sign-in did not complete, if it did not. */
  problem?: unknown;
}) {
  const [role, setRole] = useState<Me['role']>('madp-chair');
  const auth = config.auth;
  const [partnership, setPartnership] = useState(auth.kind === 'local' ? (auth.partnerships[0] ?? 'demo') : '');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  if (auth.kind === 'cognito') {
    return (
      <main id="main" class="sign-in">
        <PageHeading>Sign in to peermap</PageHeading>
        <p>Use the account your partnership's administrator set up for you, with your authenticator app.</p>
        <button type="button" class="primary" onClick={() => startCognitoSignIn(auth).catch(setError)}>
          Sign in
        </button>
        {(error ?? problem) !== undefined && <ProblemView error={error ?? problem} />}
      </main>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await signInLocally(role, partnership));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <PageHeading>Sign in to peermap (local demo)</PageHeading>
      <p>
        This copy of peermap runs on this computer with invented demo data. Choose the role whose week of work you want
        to do.
      </p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Your role</legend>
          {(Object.keys(ROLE_NAMES) as Me['role'][]).map((option) => (
            <div class="choice" key={option}>
              <input
                type="radio"
                id={`role-${option}`}
                name="role"
                value={option}
                checked={role === option}
                onChange={() => setRole(option)}
              />
              <label for={`role-${option}`}>
                <strong>{ROLE_NAMES[option]}</strong>: {ROLE_WORK[option]}
              </label>
            </div>
          ))}
        </fieldset>
        <label for="partnership">Partnership</label>
        <select id="partnership" value={partnership} onChange={(e) => setPartnership(e.currentTarget.value)}>
          {auth.partnerships.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" disabled={busy}>
          Sign in as {ROLE_NAMES[role]}
        </button>
      </form>
      {error !== undefined && <ProblemView error={error} />}
    </main>
  );
}
