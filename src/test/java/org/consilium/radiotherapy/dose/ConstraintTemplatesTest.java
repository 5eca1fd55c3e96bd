package org.consilium.radiotherapy.dose;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.consilium.radiotherapy.SamplePlan;
import org.consilium.radiotherapy.submission.SubmissionTest;
import org.junit.jupiter.api.Test;

/** Constraint templates edited through the API: versions, who may edit, checked constraints, used by reviews. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConstraintTemplatesTest {

    private static final Map<String, Object> CORD = Map.of("roi", List.of("SPINALCORD"), "statistic", "Dmax",
            "comparator", "<", "limit", 45, "unit", "Gy", "source", "QUANTEC");
    private static final Map<String, Object> PTV_D95 = Map.of("roi", List.of("PTV"), "statistic", "D95%",
            "comparator", ">=", "limit", 95, "unit", "%Rx", "source", "ICRU 83");

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static Map<String, Object> body(String site, Integer basedOn, List<Map<String, Object>> constraints) {
        Map<String, Object> b = new HashMap<>();
        if (site != null) {
            b.put("site", site);
        }
        b.put("name", "测试模板 / test template");
        b.put("constraints", constraints);
        if (basedOn != null) {
            b.put("basedOnVersion", basedOn);
        }
        b.put("note", "test");
        return b;
    }

    @Test
    void anEditIsANewVersionAndTheOldOnesStayReadable() {
        JsonPath all = as("cx.rt").get("/api/rt/constraint-templates").then().statusCode(200).extract().jsonPath();
        assertEquals(8, all.getList("findAll { it.template.site in ['lung', 'lung-sbrt', 'head-neck', 'nasopharynx',"
                + " 'cervix', 'breast', 'rectum', 'oesophagus'] }").size());
        int latest = as("cx.rt").get("/api/rt/constraint-templates/breast").then().statusCode(200).extract()
                .path("template.version");

        as("phys.chen").contentType(ContentType.JSON).body(body(null, latest, List.of(CORD)))
                .put("/api/rt/constraint-templates/breast").then().statusCode(200)
                .body("template.version", equalTo(latest + 1)).body("author", equalTo("陈静"));
        as("admin.prov").contentType(ContentType.JSON).body(body(null, latest, List.of(CORD)))
                .put("/api/rt/constraint-templates/breast").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is at version " + (latest + 1)));
        JsonPath versions = as("cx.rt").get("/api/rt/constraint-templates/breast/versions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(latest + 1, versions.getList("template.version").size());
        as("cx.rt").get("/api/rt/constraint-templates/breast/versions/1").then().statusCode(200)
                .body("author", nullValue()).body("template.constraints.size()", org.hamcrest.Matchers.greaterThan(1));
        as("cx.rt").get("/api/rt/constraint-templates/breast/versions/99").then().statusCode(404);
        as("cx.rt").get("/api/rt/constraint-templates/no-such-site").then().statusCode(404);
    }

    @Test
    void onlyTheProvincialHospitalsAdminsPhysicistsAndRadiationOncologistsEdit() {
        for (String user : List.of("cx.admin", "cx.rt", "dr.zhao", "cm.wang")) {
            as(user).contentType(ContentType.JSON).body(body(null, 1, List.of(CORD)))
                    .put("/api/rt/constraint-templates/rectum").then().statusCode(403).contentType("application/problem+json");
            as(user).contentType(ContentType.JSON).body(body("x-" + user.replace('.', '-'), null, List.of(CORD)))
                    .post("/api/rt/constraint-templates").then().statusCode(403);
        }
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        as("platform.admin").contentType(ContentType.JSON).body(body(site, null, List.of(CORD)))
                .post("/api/rt/constraint-templates").then().statusCode(201).body("template.version", equalTo(1));
        as("dr.li").contentType(ContentType.JSON).body(body(site, null, List.of(CORD)))
                .post("/api/rt/constraint-templates").then().statusCode(409);
        as("dr.li").contentType(ContentType.JSON).body(body(null, 1, List.of(CORD, PTV_D95)))
                .put("/api/rt/constraint-templates/{site}", site).then().statusCode(200).body("template.version", equalTo(2));
    }

    @Test
    void anInvalidConstraintIsRefusedNamingItAndNothingIsStored() {
        String site = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> unknownStatistic = new HashMap<>(CORD);
        unknownStatistic.put("statistic", "Dfoo");
        as("phys.chen").contentType(ContentType.JSON).body(body(site, null, List.of(CORD, unknownStatistic)))
                .post("/api/rt/constraint-templates").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("constraints[1]"));
        Map<String, Object> volumeInGy = new HashMap<>(CORD);
        volumeInGy.put("statistic", "V20Gy");
        as("phys.chen").contentType(ContentType.JSON).body(body(site, null, List.of(volumeInGy)))
                .post("/api/rt/constraint-templates").then().statusCode(400).body("detail", containsString("constraints[0]"));
        as("phys.chen").contentType(ContentType.JSON).body(body("Not A Site", null, List.of(CORD)))
                .post("/api/rt/constraint-templates").then().statusCode(400);
        as("phys.chen").contentType(ContentType.JSON).body(body(site, null, List.of()))
                .post("/api/rt/constraint-templates").then().statusCode(400);
        as("cx.rt").get("/api/rt/constraint-templates/{site}", site).then().statusCode(404);
    }

    @Test
    void aDoseReviewUsesTheSitesLatestVersionAndNamesIt() throws Exception {
        String site = "dose-" + UUID.randomUUID().toString().substring(0, 8);
        as("phys.chen").contentType(ContentType.JSON).body(body(site, null, List.of(CORD)))
                .post("/api/rt/constraint-templates").then().statusCode(201);
        as("phys.chen").contentType(ContentType.JSON).body(body(null, 1, List.of(CORD, PTV_D95)))
                .put("/api/rt/constraint-templates/{site}", site).then().statusCode(200);
        SamplePlan plan = SamplePlan.copy();
        Map<String, Object> request = new HashMap<>(Map.of("studyInstanceUid", plan.studyUid, "diseaseSite", site,
                "prescription", Map.of("totalDoseGy", 60, "fractions", 30), "technique", "IMRT", "question", "剂量"));
        String id = as("cx.rt").contentType(ContentType.JSON).body(request).post("/api/rt/submissions").then()
                .statusCode(201).extract().path("id");
        SamplePlan.stow("cx.rt", new ArrayList<>(plan.files.values()));
        SubmissionTest.awaitState(id, "AWAITING_REVIEW");
        JsonPath dose = as("cx.rt").get("/api/rt/submissions/{id}/revisions/1/dose", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(site + " v2", dose.getString("template"));
        assertEquals(List.of("SPINALCORD Dmax < 45 Gy", "PTV D95% >= 95 %Rx"), dose.getList("constraints.constraint"));
        assertEquals(57.0, dose.getDouble("constraints[1].limit"), 1e-9);
    }
}
