import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

type CreateOperation = components['schemas']['CreateOperationDto'];
type ErrorCode = components['schemas']['ErrorBody']['code'];

/** Compiles only while the document declares `code` as the contract's list, not as any string. */
const codeIsTheContractsList: string extends ErrorCode ? never : 'VERSION_CONFLICT' extends ErrorCode ? true : never = true;

/**
 * A client as an integrator would write it, typed only by the types openapi-typescript generates
 * from /docs-json: if the document stops describing the API, this stops compiling or its checks fail.
 */
export async function planAsAnIntegrator(baseUrl: string, credentials: { email: string; password: string }, plan: CreateOperation) {
  const api = createClient<paths>({ baseUrl });
  const signIn = await api.POST('/auth/login', { body: credentials });
  if (!signIn.data) throw new Error(`sign-in failed with ${signIn.response.status}`);
  const headers = { Authorization: `Bearer ${signIn.data.accessToken}` };

  const created = await api.POST('/operations', { headers, body: plan });
  if (!created.data) throw new Error(`creating the plan failed with ${created.response.status}`);

  const stale = await api.PUT('/operations/{id}/lead-agency', {
    headers,
    params: { path: { id: created.data.id } },
    body: { agencyId: null, version: created.data.version + 1 },
  });
  const refusal: ErrorCode | undefined = stale.error?.code;
  return {
    codeIsTheContractsList,
    reference: created.data.reference,
    status: created.data.status,
    refusal,
    refusalStatus: stale.response.status,
  };
}
