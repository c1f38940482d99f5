import { apiDocument } from '@peermap/api';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Built once per cold start; it describes the routes and reads no data. */
const document = JSON.stringify(apiDocument());

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document of the API. */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'max-age=300' },
  body: document,
});
