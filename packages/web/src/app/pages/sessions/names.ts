import type { Api } from '../../api';

/**
 * The display names of some young people, each read on its own (and audited as such). One
 * erased since, or out of reach, is left out: the page shows their ref and still opens.
 */
export async function youngPeopleNames(api: Api, refs: readonly string[]): Promise<Map<string, string>> {
  const people = await Promise.all(
    refs.map((ref) =>
      api.get('/v1/young-people/{ref}', { params: { ref } }).then(
        (answer) => [[ref, answer.body.displayName] as const],
        () => [],
      ),
    ),
  );
  return new Map(people.flat());
}
