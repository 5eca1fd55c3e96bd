import { signal } from '@preact/signals';
import { api, must, type Schemas } from '../api/client';

export type Me = Schemas['MeView'];

/** Who is signed in, as the server sees them (GET /api/me): name, hospital, roles, discipline. */
export const me = signal<Me | null>(null);

export async function loadMe(): Promise<void> {
  me.value = must(await api.GET('/api/me'));
}

export function hasRole(...roles: string[]): boolean {
  return roles.some((r) => me.value?.roles?.includes(r));
}
