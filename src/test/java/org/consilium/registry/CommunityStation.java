package org.consilium.registry;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;

/**
 * A community health station (社区卫生服务中心) joined to the alliance for the test run, with its community doctor
 * (社区医生): the station is onboarded through the API as a platform admin would, the doctor created in Keycloak as
 * its own admin would, with a clinician's role and the station's organization. Once per test JVM.
 */
final class CommunityStation {

    private static final String PASSWORD = "Community-2026";
    private static CommunityStation instance;

    final String hospitalId;
    final String alias;
    final String doctorUsername;
    final String doctorId;

    private CommunityStation(String hospitalId, String alias, String doctorUsername, String doctorId) {
        this.hospitalId = hospitalId;
        this.alias = alias;
        this.doctorUsername = doctorUsername;
        this.doctorId = doctorId;
    }

    static synchronized CommunityStation get() {
        if (instance == null) {
            instance = join();
        }
        return instance;
    }

    /** The community doctor's requests, with a real token of theirs. */
    RequestSpecification doctor() {
        return given().auth().oauth2(Tokens.password("consilium-cli", doctorUsername, PASSWORD))
                .contentType(ContentType.JSON);
    }

    private static CommunityStation join() {
        String alias = "zc-" + Long.toString(System.nanoTime(), 36);
        var onboarded = given().auth().oauth2(Tokens.of("platform.admin")).contentType(ContentType.JSON)
                .body(Map.of("alias", alias, "name", "雉城街道社区卫生服务中心" + alias.substring(3),
                        "nameEn", "Zhicheng Community Health Station", "level", "COUNTY",
                        "admin", Map.of("username", alias + ".admin", "email", alias + ".admin@example.org",
                                "familyName", "沈", "givenName", "莉")))
                .post("/api/hospitals").then().statusCode(201).extract().jsonPath();
        String kc = ConsiliumTestResource.stack().keycloak().baseUrl() + "/admin/realms/consilium";
        String admin = Tokens.masterAdmin();
        String username = alias + ".doctor";
        String location = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "emailVerified", true, "firstName", "建华",
                        "lastName", "鲁", "email", username + "@example.org", "credentials",
                        List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))))
                .post(kc + "/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> clinician = given().auth().oauth2(admin).get(kc + "/roles/clinician").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(clinician))
                .post(kc + "/users/" + userId + "/role-mappings/realm").then().statusCode(204);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("\"" + userId + "\"")
                .post(kc + "/organizations/" + onboarded.getString("organizationId") + "/members")
                .then().statusCode(201);
        return new CommunityStation(onboarded.getString("hospital.id"), alias, username, userId);
    }
}
