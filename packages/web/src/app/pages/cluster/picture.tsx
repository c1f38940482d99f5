import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api';
import { Loading, ProblemView } from '../../ui';

/** The server-drawn picture of the group, fetched with the sign-in and shown from memory. */
export function Picture({ api, clusterId, week, size }: { api: Api; clusterId: string; week: string; size: number }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let made: string | undefined;
    api
      .blob('/v1/clusters/{id}/picture', { params: { id: clusterId }, query: { week } })
      .then((blob) => {
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(setError);
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, clusterId, week]);
  if (error) return <ProblemView error={error} />;
  if (!url) return <Loading what="the picture" />;
  return (
    <img
      class="picture"
      src={url}
      alt={`The ${size} young people of the group as a network: each line is one of their strongest links, coloured by kind. The table below says the same in words.`}
    />
  );
}
