package org.consilium.webui;

/** What the browser app needs before anyone has signed in: where to sign in, and as which client. */
public record WebAppConfig(String authority, String clientId) {
}
