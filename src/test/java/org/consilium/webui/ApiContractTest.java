package org.consilium.webui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * The browser app's API types are generated from {@code src/main/webui/openapi/openapi.json} at its build;
 * this keeps that copy equal to what the server publishes, so that a renamed field reaches the app's
 * TypeScript build (and fails it where the app uses the old name) instead of failing in a user's browser.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ApiContractTest {

    static final Path SNAPSHOT = Path.of("src/main/webui/openapi/openapi.json");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theAppsCopyOfTheOpenApiDocumentIsTheServersOwn() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode live = JSON.readTree(served);
        if (Boolean.getBoolean("webui.refresh-openapi")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n");
        }
        assertEquals(live, JSON.readTree(SNAPSHOT.toFile()),
                "the server's API changed: refresh the app's copy with -Dwebui.refresh-openapi=true "
                        + "(see docs/webui.md), then build the app (npm run build) to see what it breaks");
    }

    @Test
    void anUnknownApiPathStaysAProblemNotTheAppsPage() {
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAppLearnsWhereToSignInBeforeAnyoneHas() {
        String authority = given().get("/api/web-config").then().statusCode(200).extract().path("authority");
        assertTrue(authority.endsWith("/realms/consilium"), authority);
        assertEquals("consilium-web", given().get("/api/web-config").then().extract().path("clientId"));
    }
}
