package org.consilium.registry.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** Screening programmes: figures equal those counted by hand, all-or-nothing CSV import, a cancer reported. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ScreeningTest {

    static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";
    static final String FUMIN = "019a0000-0000-7000-8000-000000000003";

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    static String programme(int population) {
        return as("cm.wang").contentType(ContentType.JSON).body(Map.of("name", "结直肠癌筛查 " + UUID.randomUUID(),
                        "site", "C18-C20", "year", 2026, "targets", List.of(Map.of("hospitalId", CHANGXING,
                                "population", population))))
                .post("/api/screening/programmes").then().statusCode(201).extract().path("id");
    }

    static String csv(String... rows) {
        return "居民编号,姓名,性别,出生日期,邀请日期,问卷,FIT,肠镜日期,肠镜结果,病理\n" + String.join("\n", rows) + "\n";
    }

    static io.restassured.response.ValidatableResponse importAs(String user, String id, String csv) {
        return as(user).contentType("text/csv; charset=UTF-8").body(csv).post("/api/screening/programmes/{id}/import", id)
                .then();
    }

    @Test
    void figuresEqualThoseCountedByHand() {
        String id = programme(10);
        String p = UUID.randomUUID().toString().substring(0, 6);
        importAs("cx.doctor", id, csv(
                p + "-1,沈玉芳,女,1962-07-19,2026-03-11,非高危,阳性,2026-04-02,癌前病变,管状腺瘤",
                p + "-2,钱国强,男,1958-01-02,2026-03-11,高危,阴性,2026-04-05,癌,腺癌",
                p + "-3,孙丽,F,1970-05-05,2026/3/12,高危,,,,",
                p + "-4,李伟,M,1965-02-02,2026-03-12,非高危,阴性,,,",
                p + "-5,周敏,女,1961-09-09,2026-03-12,low,negative,,,",
                p + "-6,吴刚,男,,2026-03-13,,,,,"))
                .statusCode(200).body("rows", equalTo(6)).body("invited", equalTo(6)).body("updated", equalTo(0));
        // by hand: 10 targeted, 6 invited, 5 screened, 3 at high risk (positive FIT, 2 questionnaires),
        // 2 colonoscopies both after high risk, 1 cancer and 1 precancerous lesion
        as("cm.wang").get("/api/screening/programmes/{id}", id).then().statusCode(200)
                .body("total.target", equalTo(10)).body("total.invited", equalTo(6))
                .body("total.screened", equalTo(5)).body("total.highRisk", equalTo(3))
                .body("total.colonoscopies", equalTo(2)).body("total.cancers", equalTo(1))
                .body("hospitals[0].hospitalId", equalTo(CHANGXING));
        assertRates(id, 0.5, 0.6, 2.0 / 3, 1.0);
        // each stage filter (a query) agrees with the stage each person's results give (Stage.of)
        for (Map.Entry<String, Integer> stage : Map.of("INVITED", 1, "LOW_RISK", 2, "HIGH_RISK", 1,
                "COLONOSCOPY_DONE", 2).entrySet()) {
            as("cx.doctor").queryParam("stage", stage.getKey()).get("/api/screening/programmes/{id}/participants", id)
                    .then().statusCode(200).body("total", equalTo(stage.getValue()))
                    .body("items.stage", org.hamcrest.Matchers.everyItem(equalTo(stage.getKey())));
        }
        as("cx.doctor").queryParam("stage", "HIGH_RISK").get("/api/screening/programmes/{id}/participants", id).then()
                .body("items[0].name", equalTo("孙丽"));

        importAs("cx.doctor", id, csv(p + "-3,孙丽,F,1970-05-05,2026-03-12,高危,,2026-04-20,正常,")).statusCode(200)
                .body("invited", equalTo(0)).body("updated", equalTo(1));
        assertRates(id, 0.5, 0.6, 1.0, 2.0 / 3);
    }

    private static void assertRates(String id, double screening, double highRisk, double completion, double positive) {
        JsonPath total = as("cm.wang").get("/api/screening/programmes/{id}", id).then().statusCode(200).extract()
                .jsonPath().setRootPath("total");
        assertEquals(screening, total.getDouble("screeningRate"), 1e-6);
        assertEquals(highRisk, total.getDouble("highRiskRate"), 1e-6);
        assertEquals(completion, total.getDouble("colonoscopyCompletion"), 1e-6);
        assertEquals(positive, total.getDouble("positiveDetectionRate"), 1e-6);
    }

    @Test
    void aFileWithWrongRowsImportsNothingAndNamesEachRow() {
        String id = programme(100);
        String p = UUID.randomUUID().toString().substring(0, 6);
        JsonPath problem = importAs("cx.doctor", id, csv(
                p + "-1,沈玉芳,女,1962-07-19,2026-03-11,非高危,阳性,,,",
                p + "-2,钱国强,X,1958-01-02,2026-03-11,,,,,",
                p + "-3,孙丽,F,1970-05-05,2026-13-12,,,,,",
                p + "-4,李伟,M,1965-02-02,2026-03-12,,,,癌,",
                p + "-1,沈玉芳,女,1962-07-19,2026-03-11,,,,,"))
                .statusCode(400).body("type", equalTo("urn:consilium:problem:validation"))
                .body("detail", containsString("4 of 5 rows")).extract().jsonPath();
        assertEquals(List.of("row 3", "row 4", "row 5", "row 6"), problem.getList("errors.field"));
        assertEquals(List.of(true, true, true, true), problem.getList("errors.message", String.class).stream()
                .map(m -> m.contains("sex") || m.contains("invited_on") || m.contains("colonoscopyOn")
                        || m.contains("twice")).toList());
        as("cx.doctor").get("/api/screening/programmes/{id}/participants", id).then().body("total", equalTo(0));
        importAs("cx.doctor", id, "name,sex\nA,F\n").statusCode(400).body("detail", containsString("local_id"));
    }

    @Test
    void aCancerFoundBecomesANewTumorReportOnce() {
        String id = programme(5);
        String localId = "SCR-" + UUID.randomUUID().toString().substring(0, 8);
        String person = as("cx.doctor").contentType(ContentType.JSON).body(Map.of("localId", localId, "name", "钱国强",
                        "sex", "M", "invitedOn", "2026-03-11"))
                .post("/api/screening/programmes/{id}/participants", id).then().statusCode(201)
                .body("stage", equalTo("INVITED")).extract().path("id");
        Map<String, String> report = Map.of("certainty", "CONFIRMED", "icd10", "C18.7", "topography", "C18.7");
        as("cx.doctor").contentType(ContentType.JSON).body(report)
                .post("/api/screening/programmes/{id}/participants/{p}/tumor-report", id, person).then().statusCode(409);
        as("cx.doctor").contentType(ContentType.JSON).body(Map.of("version", 0, "fitResult", "POSITIVE",
                        "colonoscopyOn", "2026-04-05", "finding", "CANCER", "pathology", "乙状结肠腺癌"))
                .put("/api/screening/programmes/{id}/participants/{p}/result", id, person).then().statusCode(200)
                .body("stage", equalTo("COLONOSCOPY_DONE"));
        String reportId = as("cx.doctor").contentType(ContentType.JSON).body(report)
                .post("/api/screening/programmes/{id}/participants/{p}/tumor-report", id, person).then().statusCode(200)
                .body("tumorReportId", not(nullValue())).extract().path("tumorReportId");
        as("cm.wang").get("/api/registry/reports/{r}", reportId).then().statusCode(200)
                .body("detection", equalTo("SCREENING")).body("icd10", equalTo("C18.7"));
        as("cx.doctor").contentType(ContentType.JSON).body(report)
                .post("/api/screening/programmes/{id}/participants/{p}/tumor-report", id, person).then().statusCode(409);
    }

    @Test
    void anotherCountySeesNeitherTheProgrammeNorItsPeople() {
        String id = programme(5);
        as("fm.doctor").get("/api/screening/programmes/{id}", id).then().statusCode(404);
        as("fm.doctor").get("/api/screening/programmes/{id}/participants", id).then().statusCode(404);
        as("fm.doctor").get("/api/screening/programmes").then().statusCode(200).body("items.id", not(hasItem(id)));
        importAs("fm.doctor", id, csv("X-1,A,F,,2026-03-11,,,,,")).statusCode(404);
        as("cx.doctor").contentType(ContentType.JSON).body(Map.of("name", "x", "site", "C18", "year", 2026,
                "targets", List.of(Map.of("hospitalId", CHANGXING, "population", 1))))
                .post("/api/screening/programmes").then().statusCode(403);
        as("cm.wang").contentType(ContentType.JSON).body(Map.of("name", "x", "site", "lung", "year", 2026,
                "targets", List.of(Map.of("hospitalId", FUMIN, "population", 1))))
                .post("/api/screening/programmes").then().statusCode(400);
        as("cx.doctor").contentType(ContentType.JSON).body(Map.of("localId", "Y-1", "name", "某", "sex", "F",
                "invitedOn", "2026-03-11", "hospitalId", FUMIN))
                .post("/api/screening/programmes/{id}/participants", id).then().statusCode(400);
    }
}
