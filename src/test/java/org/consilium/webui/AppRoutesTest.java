package org.consilium.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppRoutesTest {

    @Test
    void theAppsScreensAndLogInCallbackAreTheAppsRoutes() {
        for (String path : new String[] {"/queue", "/consults", "/consults/new", "/consults/0199-abc", "/auth/callback"}) {
            assertTrue(AppRoutes.isAppRoute(path), path);
        }
    }

    @Test
    void theApiDicomWebOperationsRootAndFilesAreNot() {
        for (String path : new String[] {"/", "/api", "/api/me", "/api/nothing-here", "/dicomweb/studies", "/q/health",
                "/q", "/assets/index-abc.js", "/favicon.ico"}) {
            assertFalse(AppRoutes.isAppRoute(path), path);
        }
    }

    @Test
    void thePolicyAllowsScriptsOnlyFromTheServerAndConnectionsToItAndTheIssuer() {
        String policy = ContentSecurityPolicy.forIssuer("https://sso.example.org:8443/realms/consilium");
        assertTrue(policy.contains("script-src 'self' 'wasm-unsafe-eval';"), policy);
        assertTrue(policy.contains("connect-src 'self' https://sso.example.org:8443;"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("'unsafe-eval'"), policy);
        assertEquals("http://localhost:8180", ContentSecurityPolicy.origin("http://localhost:8180/realms/consilium"));
    }
}
