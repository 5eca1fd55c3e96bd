package org.consilium.registry;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.Tokens;

/** Test helpers: new-tumor reports and referrals made through the public API, as users would. */
final class RegistryFixtures {

    static final String PROV = "019a0000-0000-7000-8000-000000000001";
    static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";
    static final String FUMIN = "019a0000-0000-7000-8000-000000000003";

    private RegistryFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
    }

    /** A suspected lung cancer found at screening, for a patient given by details. */
    static Map<String, Object> report(String localId, String name) {
        Map<String, Object> r = new HashMap<>();
        r.put("patient", Map.of("localId", localId, "name", name, "sex", "F", "birthDate", "1958-03-14"));
        r.put("certainty", "SUSPECTED");
        r.put("icd10", "C34.1");
        r.put("topography", "C34.1");
        r.put("detection", "SCREENING");
        r.put("finding", "低剂量CT筛查：右肺上叶2.3cm磨玻璃结节，边缘毛刺");
        r.put("reporterPhone", "0572-6012345");
        return r;
    }

    static Response file(String user, Map<String, Object> report) {
        return as(user).body(report).post("/api/registry/reports");
    }

    /** Files a report at the user's hospital for a new patient; returns the report's id. */
    static String reported(String user, String patientName) {
        return file(user, report("R" + unique(), patientName)).then().statusCode(201).extract().path("id");
    }

    static int version(String user, String reportId) {
        return as(user).get("/api/registry/reports/{id}", reportId).then().statusCode(200).extract().path("version");
    }

    /** Files a report as cx.doctor and has cm.wang record it; returns the report's id. */
    static String recorded(String patientName) {
        String id = reported("cx.doctor", patientName);
        as("cm.wang").queryParam("version", 0).post("/api/registry/reports/{id}/record", id).then().statusCode(200);
        return id;
    }
}
