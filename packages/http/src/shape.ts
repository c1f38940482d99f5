import type { AnyRoute, RouteResponse } from './route';
import { routeKey } from './route';

/**
 * A route answered with something its contract does not describe: a defect of peermap, never
 * of the request. It is answered as any fault (a logged 500), so nothing undescribed leaves.
 */
export class ContractBreach extends Error {
  override readonly name = 'ContractBreach';
}

/**
 * The answer as the route's contract describes it: a JSON body parsed with its status's schema
 * (a field the schema does not name is dropped), a file only of a media type it names, no body
 * where it names none. What does not fit throws `ContractBreach`; the error names the fields
 * that did not fit, never their values (they may be personal data).
 */
export function shapedByContract(route: AnyRoute, response: RouteResponse): RouteResponse {
  const where = `${routeKey(route)} answered ${response.status}`;
  const content = route.responses[response.status];
  if (!content) throw new ContractBreach(`${where}, a status its contract does not list.`);
  if (response.file) {
    const mediaType = response.file.contentType.split(';')[0]?.trim() ?? '';
    if (!content.files?.includes(mediaType)) throw new ContractBreach(`${where} with a file of ${mediaType}.`);
    return response;
  }
  if (response.body === undefined) {
    if (content.json) throw new ContractBreach(`${where} without the body its contract describes.`);
    return response;
  }
  if (!content.json) throw new ContractBreach(`${where} with a body its contract does not describe.`);
  const shaped = content.json.safeParse(response.body);
  if (!shaped.success) {
    const fields = shaped.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`);
    throw new ContractBreach(`${where} with a body its contract does not describe (${fields.join('; ')}).`);
  }
  return { ...response, body: shaped.data };
}
