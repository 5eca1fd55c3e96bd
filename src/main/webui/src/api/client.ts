import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { accessToken } from '../shell/auth';

export type Schemas = components['schemas'];

/** The one HTTP client of the app: typed from the server's OpenAPI document, bearer token attached. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });

api.use({
  onRequest({ request }) {
    const token = accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

/** An RFC 9457 problem the server answered with, as an Error the screens can show. */
export class ProblemError extends Error {
  /** @param errors one entry per wrong field (or row of an uploaded file), when the server named them */
  constructor(readonly status: number, readonly type: string | undefined, detail: string,
    readonly errors: { field?: string; message?: string }[] = []) {
    super(detail);
  }
}

/** The data of an openapi-fetch answer, or a ProblemError with the server's detail. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const p = (result.error ?? {}) as { type?: string; title?: string; detail?: string; errors?: { field?: string; message?: string }[] };
    throw new ProblemError(result.response.status, p.type, p.detail ?? p.title ?? result.response.statusText, p.errors ?? []);
  }
  return result.data;
}
