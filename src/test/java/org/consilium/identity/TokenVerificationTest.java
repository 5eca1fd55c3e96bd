package org.consilium.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class TokenVerificationTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void missingTokenIsUnauthorizedProblem() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:consilium:problem:unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void garbageTokenIsUnauthorized() {
        given().auth().oauth2("not-a-jwt").when().get("/api/me")
                .then().statusCode(401).body("type", equalTo("urn:consilium:problem:unauthorized"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        String real = Tokens.of("dr.li");
        String[] parts = real.split("\\.");
        // Same header (kid) and claims as a real token, signed by a key Keycloak never issued.
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + B64.encodeToString(rs256.sign());

        given().auth().oauth2(real).when().get("/api/me").then().statusCode(200);
        given().auth().oauth2(forged).when().get("/api/me")
                .then().statusCode(401).body("type", equalTo("urn:consilium:problem:unauthorized"));
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        String clientId = createTestClient("expiry-test", Map.of("access.token.lifespan", "2"), true);
        String token = Tokens.password(clientId, "dr.li", Tokens.DEMO_PASSWORD);
        long exp = claimLong(token, "exp");
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200);

        while (System.currentTimeMillis() / 1000 <= exp) {
            Thread.sleep(250);
        }
        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(401).body("type", equalTo("urn:consilium:problem:unauthorized"));
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String clientId = createTestClient("no-audience-test", Map.of(), false);
        String token = Tokens.password(clientId, "dr.li", Tokens.DEMO_PASSWORD);
        given().auth().oauth2(token).when().get("/api/me")
                .then().statusCode(401).body("type", equalTo("urn:consilium:problem:unauthorized"));
    }

    /** Creates (once) a public password-grant client, with or without the scope that adds our audience. */
    private static String createTestClient(String clientId, Map<String, String> attributes, boolean withAudience) {
        String admin = Tokens.masterAdmin();
        String base = ConsiliumTestResource.stack().keycloak().baseUrl() + "/admin/realms/consilium/clients";
        boolean exists = !given().auth().oauth2(admin).queryParam("clientId", clientId).get(base)
                .then().statusCode(200).extract().jsonPath().getList("$").isEmpty();
        if (!exists) {
            Map<String, Object> client = Map.of(
                    "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                    "standardFlowEnabled", false, "attributes", attributes,
                    "defaultClientScopes", withAudience ? List.of("consilium", "organization") : List.of("organization"));
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(client).post(base)
                    .then().statusCode(201);
        }
        return clientId;
    }

    private static long claimLong(String jwt, String claim) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        var m = java.util.regex.Pattern.compile("\"" + claim + "\":(\\d+)").matcher(payload);
        if (!m.find()) {
            throw new AssertionError("no " + claim + " in " + payload);
        }
        return Long.parseLong(m.group(1));
    }
}
