package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class PatientTest {

    static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";

    @Test
    void duplicateLocalIdIdCardOrMrnInOneHospitalIsAConflict() {
        String tag = unique();
        String id = register("cx.doctor", patient("D" + tag, "李秀英", "M" + tag, null)).then().statusCode(201)
                .extract().path("id");
        register("cx.doctor", patient("D" + tag, "李秀英", null, null)).then().statusCode(409)
                .body("type", equalTo("urn:consilium:problem:conflict")).body("detail", containsString(id));
        register("cx.doctor", patient("E" + tag, "李秀英", "M" + tag, null)).then().statusCode(409)
                .body("detail", containsString("medical record number"));
        // Another hospital may have its own patient with that local ID.
        register("fm.doctor", patient("D" + tag, "李秀英", null, null)).then().statusCode(201);
    }

    @Test
    void idCardIsCheckedAndGivesTheBirthDate() {
        String tag = unique();
        register("cx.doctor", patient("I" + tag, "王建国", null, "11010519491231002X")).then().statusCode(201)
                .body("birthDate", equalTo("1949-12-31"));
        register("cx.doctor", patient("J" + tag, "王建国", null, "110105194912310022")).then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("idCard", "11010519491231002x")
                .get("/api/patients").then().statusCode(200).body("items.localId", contains("I" + tag));
    }

    @Test
    void chineseNameSearchFindsSubstringsExactFirstAndIgnoresTypingNoise() {
        String tag = unique();
        register("cx.doctor", patient("N1" + tag, "阿依古丽•买买提" + tag, null, null)).then().statusCode(201)
                .body("name", equalTo("阿依古丽·买买提" + tag));
        register("cx.doctor", patient("N2" + tag, "欧阳娜娜" + tag, null, null)).then().statusCode(201);
        register("cx.doctor", patient("N3" + tag, "欧阳 娜" + tag, null, null)).then().statusCode(201)
                .body("name", equalTo("欧阳娜" + tag));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("q", "娜" + tag).get("/api/patients")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.localId", contains("N3" + tag, "N2" + tag));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("q", "欧阳娜" + tag).get("/api/patients")
                .then().body("items.localId", contains("N3" + tag));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("q", "买买提" + tag).get("/api/patients")
                .then().body("items.localId", contains("N1" + tag));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("q", "N2" + tag).get("/api/patients")
                .then().body("items.name", contains("欧阳娜娜" + tag));
        given().auth().oauth2(Tokens.of("cx.doctor")).queryParam("q", "%").get("/api/patients")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void patientsStayInTheirHospitalExceptForCaseManagers() {
        String tag = unique();
        String id = register("cx.doctor", patient("S" + tag, "赵敏", null, null)).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.of("fm.doctor")).get("/api/patients/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("fm.doctor")).queryParam("hospital", CHANGXING).get("/api/patients")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.of("dr.li")).get("/api/patients/{id}", id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("cx.admin")).get("/api/patients/{id}", id).then().statusCode(403);
        given().auth().oauth2(Tokens.of("cm.wang")).get("/api/patients/{id}", id).then().statusCode(200)
                .body("name", equalTo("赵敏"));
        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "patient.read")
                .queryParam("target", "patient:" + id).get("/api/audit").then().statusCode(200)
                .body("items.actor", hasItem("cm.wang"));
    }

    static io.restassured.response.Response register(String user, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).post("/api/patients");
    }

    static Map<String, Object> patient(String localId, String name, String mrn, String idCard) {
        Map<String, Object> m = new HashMap<>(Map.of("localId", localId, "name", name, "sex", "F"));
        if (mrn != null) {
            m.put("mrn", mrn);
        }
        if (idCard != null) {
            m.put("idCard", idCard);
        }
        return m;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
