import { useState } from 'preact/hooks';
import { RadioChoices } from '../forms';
import { type AppConfig, type Me, ROLE_NAMES, signInLocally, startCognitoSignIn } from '../session';
import { PageHeading, ProblemIfAny, ProblemView } from '../ui';

const ROLE_WORK: Readonly<Record<Me['role'], string>> = {
  'madp-chair': 'upload the weekly mapping, run the analysis, agree action plans',
  'early-help-lead': 'cluster reports, parent invitation lists, carers and consent',
  'police-analyst': 'places, graded sightings and relationships from intelligence',
  'partnership-admin': 'settings, audit, erasure and subject access',
};

const ROLE_OPTIONS = (Object.keys(ROLE_NAMES) as Me['role'][]).map((role) => ({
  value: role,
  label: (
    <>
      <strong>{ROLE_NAMES[role]}</strong>: {ROLE_WORK[role]}
    </>
  ),
}));

type LocalAuth = Extract<AppConfig['auth'], { kind: 'local' }>;
type CognitoAuth = Extract<AppConfig['auth'], { kind: 'cognito' }>;

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
  const auth = config.auth;
  if (auth.kind === 'cognito') return <HostedSignIn auth={auth} problem={problem} />;
  return <LocalSignIn auth={auth} onSignedIn={onSignedIn} />;
}

function HostedSignIn({ auth, problem }: { auth: CognitoAuth; problem: unknown }) {
  const [error, setError] = useState<unknown>(undefined);
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

function LocalSignIn({ auth, onSignedIn }: { auth: LocalAuth; onSignedIn: (token: string) => void }) {
  const [role, setRole] = useState<Me['role']>('madp-chair');
  const [partnership, setPartnership] = useState(auth.partnerships[0] ?? 'demo');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
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
        <RoleChoice role={role} onChange={setRole} />
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
      <ProblemIfAny error={error} />
    </main>
  );
}

function RoleChoice({ role, onChange }: { role: Me['role']; onChange: (role: Me['role']) => void }) {
  return (
    <fieldset>
      <legend>Your role</legend>
      <RadioChoices name="role" options={ROLE_OPTIONS} chosen={role} onChange={onChange} />
    </fieldset>
  );
}
