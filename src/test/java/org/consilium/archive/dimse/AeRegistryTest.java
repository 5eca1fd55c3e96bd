package org.consilium.archive.dimse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
public class AeRegistryTest {

    public static final UUID CHANGXING = UUID.fromString("019a0000-0000-7000-8000-000000000002");
    static final UUID FUMIN = UUID.fromString("019a0000-0000-7000-8000-000000000003");
    private static final String FUMIN_PACS_ID = "019a0000-0000-7000-8000-0000000000a3";
    private static final String AES = "/api/hospitals/{h}/application-entities";

    @Inject
    AeRegistry registry;

    @Test
    void hospitalAdminRegistersUpdatesAndRemovesItsAe() {
        String title = uniqueTitle("cx_");
        var created = as("cx.admin").body(ae("  " + title + " ", "ct-1.changxing.local", 104))
                .post(AES, CHANGXING).then().statusCode(201)
                .header("Location", containsString("/application-entities/"))
                .body("aeTitle", equalTo(title)) // trimmed, case kept
                .body("hospitalId", equalTo(CHANGXING.toString()))
                .body("mayReceive", equalTo(true))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(id));

        as("cx.rt").get(AES, CHANGXING).then().statusCode(200)
                .body("aeTitle", hasItem(title)).body("aeTitle", hasItem("CHANGXING_PACS"));
        as("cx.admin").body(Map.of("aeTitle", title, "host", "10.1.2.3", "port", 11112, "mayReceive", false))
                .put(AES + "/{ae}", CHANGXING, id).then().statusCode(200)
                .body("host", equalTo("10.1.2.3")).body("port", equalTo(11112)).body("mayReceive", equalTo(false));
        as("cx.rt").get(AES + "/{ae}", CHANGXING, id).then().statusCode(200).body("port", equalTo(11112));

        as("cx.admin").delete(AES + "/{ae}", CHANGXING, id).then().statusCode(204);
        as("cx.admin").get(AES + "/{ae}", CHANGXING, id).then().statusCode(404);

        as("platform.admin").queryParam("target", "ae:" + title).get("/api/audit").then().statusCode(200)
                .body("items.action", containsInAnyOrder("ae.create", "ae.update", "ae.delete"))
                .body("items.actor", not(hasItem("cx.rt")));
    }

    @Test
    void countyAdminCannotSeeOrChangeAnotherCountysAes() {
        as("cx.admin").get(AES, FUMIN).then().statusCode(404)
                .body("type", equalTo("urn:consilium:problem:not-found"));
        as("cx.admin").get(AES + "/{ae}", FUMIN, FUMIN_PACS_ID).then().statusCode(404);
        as("cx.admin").get(AES + "/{ae}", CHANGXING, FUMIN_PACS_ID).then().statusCode(404);
        as("cx.admin").body(ae("FUMIN_PACS", "evil.example", 104)).put(AES + "/{ae}", FUMIN, FUMIN_PACS_ID)
                .then().statusCode(404);
        as("cx.admin").body(ae("FUMIN_PACS", "evil.example", 104)).put(AES + "/{ae}", CHANGXING, FUMIN_PACS_ID)
                .then().statusCode(404);
        as("cx.admin").delete(AES + "/{ae}", FUMIN, FUMIN_PACS_ID).then().statusCode(404);
        as("cx.admin").body(ae(uniqueTitle("X"), "h", 104)).post(AES, FUMIN).then().statusCode(404);

        as("fm.admin").get(AES + "/{ae}", FUMIN, FUMIN_PACS_ID).then().statusCode(200)
                .body("host", equalTo("localhost")).body("aeTitle", equalTo("FUMIN_PACS"));
    }

    @Test
    void staffReadTheirHospitalsAesButCannotChangeThem() {
        as("cx.rt").get(AES, CHANGXING).then().statusCode(200).body("aeTitle", hasItem("CHANGXING_PACS"));
        as("cx.rt").body(ae(uniqueTitle("RT"), "h", 104)).post(AES, CHANGXING).then().statusCode(403)
                .body("type", equalTo("urn:consilium:problem:forbidden"));
        as("cx.rt").delete(AES + "/{ae}", FUMIN, FUMIN_PACS_ID).then().statusCode(403);
    }

    @Test
    void platformAdminManagesAnyHospitalsAes() {
        String title = uniqueTitle("FM");
        String id = as("platform.admin").body(ae(title, "fm-ct.local", 4242)).post(AES, FUMIN)
                .then().statusCode(201).body("hospitalId", equalTo(FUMIN.toString())).extract().path("id");
        as("fm.admin").get(AES, FUMIN).then().body("aeTitle", hasItem(title));
        as("platform.admin").delete(AES + "/{ae}", FUMIN, id).then().statusCode(204);
    }

    @Test
    void invalidFieldsAreNamed() {
        as("cx.admin").body(Map.of("aeTitle", "BAD\\AE", "host", "no spaces allowed", "port", 70000))
                .post(AES, CHANGXING).then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"))
                .body("errors.field", containsInAnyOrder("aeTitle", "host", "port"));
        for (String bad : new String[] {"", "    ", "SEVENTEEN_CHARS_X", "TAB\tAE", "中文"}) {
            as("cx.admin").body(ae(bad, "h", 104)).post(AES, CHANGXING).then().statusCode(400)
                    .body("errors.field", containsInAnyOrder("aeTitle"));
        }
        as("cx.admin").body(Map.of("aeTitle", "OK_AE", "host", "h", "port", 0)).post(AES, CHANGXING)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("port"));
        as("cx.admin").body(Map.of("host", "h")).post(AES, CHANGXING)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("aeTitle", "port"));
    }

    @Test
    void aeTitlesAreUniqueAcrossTheAlliance() {
        as("cx.admin").body(ae("FUMIN_PACS", "h", 104)).post(AES, CHANGXING).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict"));
        String title = uniqueTitle("DUP");
        String id = as("cx.admin").body(ae(title, "h", 104)).post(AES, CHANGXING).then().statusCode(201)
                .extract().path("id");
        as("cx.admin").body(ae(" CHANGXING_PACS", "h", 104)).put(AES + "/{ae}", CHANGXING, id)
                .then().statusCode(409);
        as("cx.admin").delete(AES + "/{ae}", CHANGXING, id).then().statusCode(204);
    }

    @Test
    void lookupByTitleFollowsChanges() {
        String title = uniqueTitle("LK");
        assertTrue(registry.byTitle(title).isEmpty());
        String id = as("cx.admin").body(ae(title, "pacs.local", 104)).post(AES, CHANGXING).then().statusCode(201)
                .extract().path("id");
        AeEntry found = registry.byTitle(title + "  ").orElseThrow(); // calling AE titles arrive padded
        assertEquals(CHANGXING, found.hospitalId());
        assertTrue(found.mayReceive());

        as("cx.admin").body(Map.of("aeTitle", title, "host", "pacs.local", "port", 104, "mayStore", false))
                .put(AES + "/{ae}", CHANGXING, id).then().statusCode(200);
        assertFalse(registry.byTitle(title).orElseThrow().mayStore());

        as("cx.admin").delete(AES + "/{ae}", CHANGXING, id).then().statusCode(204);
        assertTrue(registry.byTitle(title).isEmpty());
        assertEquals(FUMIN, registry.byTitle("FUMIN_PACS").orElseThrow().hospitalId());
    }

    @Test
    void browserMayPreflightChangesToTheRegistry() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "DELETE")
                .options(AES + "/{ae}", CHANGXING, FUMIN_PACS_ID).then().statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("DELETE"))
                .header("Access-Control-Allow-Methods", containsString("PUT"));
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
    }

    public static Map<String, Object> ae(String title, String host, int port) {
        return Map.of("aeTitle", title, "host", host, "port", port);
    }

    public static String uniqueTitle(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
