package org.consilium.localstack;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the test run's real Keycloak, by the password grant of the consilium-cli client. */
public final class Tokens {

    public static final String DEMO_PASSWORD = "Consilium-2026";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String username) {
        return CACHE.computeIfAbsent(username, u -> password("consilium-cli", u, DEMO_PASSWORD));
    }

    public static String password(String clientId, String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password)
                .post(tokenEndpoint(ConsiliumTestResource.stack().keycloak().issuer()))
                .then().statusCode(200).extract().path("access_token");
    }

    /** A master-realm admin token, for tests that inspect or configure Keycloak directly. */
    public static String masterAdmin() {
        LocalKeycloak kc = ConsiliumTestResource.stack().keycloak();
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", LocalKeycloak.ADMIN_USER).formParam("password", LocalKeycloak.ADMIN_PASSWORD)
                .post(tokenEndpoint(kc.baseUrl() + "/realms/master"))
                .then().statusCode(200).extract().path("access_token");
    }

    private static String tokenEndpoint(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }
}
