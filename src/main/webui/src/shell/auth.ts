import { signal } from '@preact/signals';
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { lang } from './i18n';

/** The signed-in user's OIDC session (tokens), or null before log-in and after log-out. */
export const session = signal<User | null>(null);

let manager: UserManager | null = null;
const CALLBACK = '/auth/callback';

interface WebConfig {
  authority: string;
  clientId: string;
}

/**
 * Reads where to sign in from the server, completes a log-in that Keycloak redirected back with, or picks
 * up the session kept in this tab. Tokens are renewed silently with the refresh token before they expire.
 */
export async function startAuth(): Promise<void> {
  const response = await fetch('/api/web-config');
  const config = (await response.json()) as WebConfig;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: location.origin + CALLBACK,
    post_logout_redirect_uri: location.origin + '/',
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  manager.events.addUserLoaded((u) => {
    session.value = u;
  });
  manager.events.addUserUnloaded(() => {
    session.value = null;
  });
  manager.events.addAccessTokenExpired(() => {
    session.value = null;
  });

  if (location.pathname === CALLBACK) {
    const user = await manager.signinRedirectCallback();
    session.value = user;
    const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
    history.replaceState(null, '', back);
    return;
  }
  const kept = await manager.getUser();
  if (kept && !kept.expired) {
    session.value = kept;
  } else if (kept?.refresh_token) {
    session.value = await manager.signinSilent().catch(() => null);
  }
}

/** To Keycloak's log-in page (authorization code with PKCE), in the user's language; back to where they were. */
export function signIn(): Promise<void> {
  return manager!.signinRedirect({ state: location.pathname + location.search, ui_locales: lang.value });
}

/** Ends the Keycloak session too, not only this tab's tokens. */
export function signOut(): Promise<void> {
  return manager!.signoutRedirect({ extraQueryParams: { ui_locales: lang.value } });
}

export function accessToken(): string | undefined {
  return session.value?.access_token;
}
