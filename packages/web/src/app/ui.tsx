import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Api, ApiError, type Problem } from './api';

/** What went wrong, in the API's words, with each field or cell it named. */
export function ProblemView({ error }: { error: unknown }) {
  const problem: Problem =
    error instanceof ApiError
      ? error.problem
      : { status: 0, title: 'Something went wrong', detail: error instanceof Error ? error.message : String(error) };
  return (
    <div class="problem" role="alert">
      <p>
        <strong>{problem.title}.</strong> {problem.detail}
      </p>
      {problem.errors && problem.errors.length > 0 && !problem.problems && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Loads data for a page and shows it, a wait, or the problem. It loads again when `key`
 * changes (the ids and choices the load depends on) or when `reload` is called.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  key: string,
): {
  data: T | undefined;
  error: unknown;
  reload: () => void;
} {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const shownKey = useRef(key);
  useEffect(() => {
    let current = true;
    setError(undefined);
    // Another record asked for: what was shown for the last one must not stay on screen.
    if (shownKey.current !== key) {
      shownKey.current = key;
      setData(undefined);
    }
    loader.current().then(
      (value) => current && setData(value),
      (failure: unknown) => current && setError(failure),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  return { data, error, reload: () => setRound((r) => r + 1) };
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A page's main heading, focused when the page opens so screen readers announce it. A layout effect,
 * so the focus moves in the same commit that shows the heading, never a frame later.
 */
export function PageHeading({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}

export const humanise = (value: string) => value.replaceAll('_', ' ');

/** A button that downloads a file from the API, and says so when the download fails. */
export function DownloadButton({ api, path, children }: { api: Api; path: string; children: ComponentChildren }) {
  const [error, setError] = useState<unknown>(undefined);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(undefined);
          api.download(path).catch(setError);
        }}
      >
        {children}
      </button>
      {error !== undefined && <ProblemView error={error} />}
    </>
  );
}

/**
 * Runs something the person asked for and keeps what went wrong, if anything, to show beside
 * the form: each new attempt clears the last problem first.
 */
export function useAttempt(): { error: unknown; attempt: (work: () => Promise<void>) => Promise<void> } {
  const [error, setError] = useState<unknown>(undefined);
  const attempt = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    }
  };
  return { error, attempt };
}

/** The problem of the last attempt, if there was one. */
export function ProblemIfAny({ error }: { error: unknown }) {
  return error !== undefined ? <ProblemView error={error} /> : null;
}

/**
 * A context that a part of a page reads from the page around it, and a hook that says so
 * plainly when the part is shown anywhere else.
 */
export function requiredContext<T>(shownOutside: string) {
  const context = createContext<T | undefined>(undefined);
  const use = (): T => {
    const value = useContext(context);
    if (value === undefined) throw new Error(shownOutside);
    return value;
  };
  return { Provider: context.Provider, use };
}
