import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import document from '../docs/openapi.json' with { type: 'json' };

/** Serialised once per cold start; the file is checked against the routes by the test suite. */
const body = JSON.stringify(document);

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document of the API. */
export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'max-age=300' },
  body,
});
