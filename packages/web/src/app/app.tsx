import type { Vocabulary as Words } from '@peermap/contract';
import { useEffect, useState } from 'preact/hooks';
import { type Api, createApi } from './api';
import { AuditPage } from './pages/audit';
import { CarersPage } from './pages/carers';
import { CarerConsentPage } from './pages/carers/consent-page';
import { ClusterPage } from './pages/cluster';
import { ClustersPage } from './pages/clusters';
import { FEEDBACK_FORM_ADDRESS, FeedbackFormPage } from './pages/feedback-form';
import { HomePage } from './pages/home';
import { LocationsPage } from './pages/locations';
import { MapPage } from './pages/map';
import { OutcomesPage } from './pages/outcomes';
import { ParentGroupsPage } from './pages/parent-groups';
import { ParentGroupPage } from './pages/parent-groups/group-page';
import { ReportsPage } from './pages/reports';
import { ReviewsPage } from './pages/reviews';
import { SessionsPage } from './pages/sessions';
import { SessionListPage } from './pages/sessions/list-page';
import { SessionPage } from './pages/sessions/plan-page';
import { SettingsPage } from './pages/settings';
import { SignInPage } from './pages/sign-in';
import { WeekPage } from './pages/week';
import { type AppConfig, finishCognitoSignIn, holds, type Me, ROLE_NAMES, signOutOfCognito } from './session';
import { Loading, ProblemView } from './ui';

/** The words peermap uses for kinds of link and concern (`GET /v1/vocabulary`). */
export type { Vocabulary as Words } from '@peermap/contract';

/** What every page gets: the API client, who is signed in, and peermap's words. */
export interface PageContext {
  api: Api;
  me: Me;
  words: Words;
  config: AppConfig;
}

/** A page of the app: its address (ids only, never personal data), its name, and who may open it. */
interface PageSpec {
  path: RegExp;
  name: string;
  /** Shown in the navigation when the signed-in role holds every permission listed. */
  needs: string[];
  /** Its place in the navigation, for pages that have one. */
  href?: string;
  render: (context: PageContext, match: RegExpExecArray) => preact.JSX.Element;
}

const PAGES: PageSpec[] = [
  { path: /^#?\/?$/, name: 'Home', needs: [], href: '#/', render: (c) => <HomePage {...c} /> },
  {
    path: /^#\/week$/,
    name: 'Weekly upload',
    needs: ['uploads:create'],
    href: '#/week',
    render: (c) => <WeekPage {...c} />,
  },
  {
    path: /^#\/clusters$/,
    name: 'Peer groups',
    needs: ['analyses:read'],
    href: '#/clusters',
    render: (c) => <ClustersPage {...c} />,
  },
  {
    // A group in its latest week, or in the week it was chosen in (`#/clusters/{id}/2026-W45`).
    path: /^#\/clusters\/([A-Za-z0-9-]{1,40})(?:\/(\d{4}-W\d{2}))?$/,
    name: 'Peer group',
    needs: ['analyses:read'],
    render: (c, m) => <ClusterPage {...c} clusterId={m[1] ?? ''} {...(m[2] ? { week: m[2] } : {})} />,
  },
  {
    path: /^#\/map$/,
    name: 'Map of the week',
    needs: ['young-people:read', 'relationships:read'],
    href: '#/map',
    render: (c) => <MapPage {...c} />,
  },
  {
    path: /^#\/locations$/,
    name: 'Places',
    needs: ['locations:read'],
    href: '#/locations',
    render: (c) => <LocationsPage {...c} />,
  },
  {
    path: /^#\/sessions$/,
    name: 'Sessions',
    needs: ['invitations:read'],
    href: '#/sessions',
    render: (c) => <SessionsPage {...c} />,
  },
  {
    // One session, by its id: where it stands, its plan, and the rest of its life.
    path: /^#\/sessions\/([0-9a-f-]{36})$/,
    name: 'Session',
    needs: ['sessions:read'],
    render: (c, m) => <SessionPage {...c} sessionId={m[1] ?? ''} />,
  },
  {
    // One session's invitation list, by the list's id (the session's).
    path: /^#\/sessions\/([0-9a-f-]{36})\/list$/,
    name: 'Invitation list',
    needs: ['invitations:read'],
    render: (c, m) => <SessionListPage {...c} listId={m[1] ?? ''} />,
  },
  {
    path: /^#\/parent-groups$/,
    name: 'Parent groups',
    needs: ['parent-groups:read'],
    href: '#/parent-groups',
    render: (c) => <ParentGroupsPage {...c} />,
  },
  {
    // Parent groups, with a group to start from a held session (by the session's id) chosen.
    path: /^#\/parent-groups\/from\/([0-9a-f-]{36})$/,
    name: 'Parent groups',
    needs: ['parent-groups:read'],
    render: (c, m) => <ParentGroupsPage {...c} fromSessionId={m[1] ?? ''} />,
  },
  {
    // One parent group, by its id.
    path: /^#\/parent-groups\/([0-9a-f-]{36})$/,
    name: 'Parent group',
    needs: ['parent-groups:read'],
    render: (c, m) => <ParentGroupPage {...c} groupId={m[1] ?? ''} />,
  },
  {
    path: /^#\/carers$/,
    name: 'Carers and consent',
    needs: ['carers:read-contact', 'consent:write'],
    href: '#/carers',
    render: (c) => <CarersPage {...c} />,
  },
  {
    // One carer's consent, by the carer's ref.
    path: /^#\/carers\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/,
    name: 'Consent',
    needs: ['carers:read-contact', 'consent:write'],
    render: (c, m) => <CarerConsentPage {...c} carerRef={m[1] ?? ''} />,
  },
  {
    path: /^#\/reviews$/,
    name: 'Reviews',
    needs: ['reviews:read'],
    href: '#/reviews',
    render: (c) => <ReviewsPage {...c} />,
  },
  {
    path: /^#\/settings$/,
    name: 'Settings',
    needs: ['settings:manage'],
    href: '#/settings',
    render: (c) => <SettingsPage {...c} />,
  },
  {
    path: /^#\/reports$/,
    name: 'Who is on the map',
    needs: ['reports:read'],
    href: '#/reports',
    render: (c) => <ReportsPage {...c} />,
  },
  {
    path: /^#\/outcomes$/,
    name: 'Outcomes',
    needs: ['outcomes:read'],
    href: '#/outcomes',
    render: (c) => <OutcomesPage {...c} />,
  },
  {
    path: /^#\/audit$/,
    name: 'Audit',
    needs: ['audit:read'],
    href: '#/audit',
    render: (c) => <AuditPage {...c} />,
  },
];

const allowed = (me: Me, page: PageSpec) => page.needs.every((permission) => holds(me, permission));

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    // Only page addresses (#/…) change the page; the skip link's #main only moves the focus.
    const changed = () => location.hash.startsWith('#/') && setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

/** Who is signed in, with peermap's words: the token in memory only, the sign-in finished if Cognito sent a code. */
function useSession(config: AppConfig) {
  // The token lives in memory only: closing the tab signs out; nothing sensitive is stored.
  const [token, setToken] = useState<string | undefined>(undefined);
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [words, setWords] = useState<Words | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const signOut = () => {
    setToken(undefined);
    setMe(undefined);
    setWords(undefined);
    setError(undefined);
    // On a shared meeting laptop the next person must not find the last one still signed in.
    if (config.auth.kind === 'cognito') signOutOfCognito(config.auth);
  };
  const [api] = useState(() => createApi(config.apiBase, () => currentToken.value, signOut));

  useEffect(() => {
    if (config.auth.kind === 'cognito' && new URLSearchParams(location.search).has('code')) {
      finishCognitoSignIn(config.auth).then(
        (t) => (t ? setToken(t) : setError(new Error('The sign-in did not complete: please sign in again.'))),
        setError,
      );
    }
  }, [config]);
  useEffect(() => {
    currentToken.value = token;
    if (!token) return;
    Promise.all([api.get('/v1/me'), api.get('/v1/vocabulary')]).then(([mine, vocabulary]) => {
      setMe(mine.body);
      setWords(vocabulary.body);
    }, setError);
  }, [token, api]);
  return { api, token, setToken, me, words, error, signOut };
}

export function App({ config }: { config: AppConfig }) {
  const { api, token, setToken, me, words, error, signOut } = useSession(config);
  const hash = useHash();

  // A parent's one-time feedback link opens its form without anyone signing in.
  const parentForm = FEEDBACK_FORM_ADDRESS.exec(hash)?.[1];
  if (parentForm) return <FeedbackFormPage apiBase={config.apiBase} formKey={parentForm} />;
  if (!token) return <SignInPage config={config} onSignedIn={setToken} problem={error} />;
  if (error) return <ProblemView error={error} />;
  if (!me || !words) return <Loading what="your sign-in" />;

  // Only page addresses choose the page; anything else (the skip link's #main) is the home page.
  const address = hash.startsWith('#/') ? hash : '#/';
  const page = PAGES.find((p) => p.path.test(address));
  const match = page ? page.path.exec(address) : null;
  return (
    <>
      <a class="skip" href="#main">
        Skip to the page
      </a>
      <Banner me={me} current={page} onSignOut={signOut} />
      <main id="main" tabIndex={-1}>
        {page && match && allowed(me, page) ? (
          page.render({ api, me, words, config }, match)
        ) : (
          <p role="alert">This page is not part of your role's work, or does not exist.</p>
        )}
      </main>
    </>
  );
}

/** The marking, who is signed in, and the pages of their role. */
function Banner({ me, current, onSignOut }: { me: Me; current: PageSpec | undefined; onSignOut: () => void }) {
  return (
    <header class="banner">
      <p class="marking">
        {me.handlingMarking}: a safeguarding record of children at risk of harm, not intelligence about offenders.
      </p>
      <div class="who">
        <span class="product">peermap</span>
        <span>
          {me.partnership.name} · {ROLE_NAMES[me.role]}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      <nav aria-label="Pages">
        <ul>
          {PAGES.flatMap((p) =>
            p.href && allowed(me, p)
              ? [
                  <li key={p.name}>
                    <a href={p.href} aria-current={current === p ? 'page' : 'false'}>
                      {p.name}
                    </a>
                  </li>,
                ]
              : [],
          )}
        </ul>
      </nav>
    </header>
  );
}

/** The token for the API client, read at each call (the client outlives renders). */
const currentToken: { value: string | undefined } = { value: undefined };
