package org.consilium.registry;

import static org.consilium.registry.RegistryFixtures.PROV;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.reported;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RegistryStatisticsTest {

    @Test
    void aHospitalsFiguresCountItsRecordedReportsItsReferralsAndTheRecognitionRate() {
        JsonPath before = figures("fm.doctor");
        JsonPath changxing = figures("cx.doctor");
        String report = reported("fm.doctor", "杨桂香");
        reported("fm.doctor", "杨淑华");
        as("cm.wang").queryParam("version", 0).post("/api/registry/reports/{id}/record", report).then().statusCode(200);

        String patientId = as("fm.doctor").body(Map.of("localId", "P" + unique(), "name", "杨玉梅", "sex", "F"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        String referral = as("fm.doctor").body(Map.of("direction", "UP", "patientId", patientId, "toHospitalId", PROV,
                        "reason", "疑似胃癌", "reports", List.of(Map.of("title", "胃镜报告", "text", "胃窦溃疡"),
                                Map.of("title", "病理报告", "text", "腺癌可能"))))
                .post("/api/registry/referrals").then().statusCode(201).extract().path("id");
        List<String> items = as("dr.li").get("/api/registry/referrals/{id}", referral).then().extract()
                .jsonPath().getList("items.id");
        as("dr.li").body(Map.of("recognition", "RECOGNISED"))
                .post("/api/registry/referrals/{id}/items/{item}/recognition", referral, items.get(0)).then().statusCode(200);
        as("dr.li").body(Map.of("recognition", "REPEATED", "reason", "切片需本院复核"))
                .post("/api/registry/referrals/{id}/items/{item}/recognition", referral, items.get(1)).then().statusCode(200);

        JsonPath after = figures("fm.doctor");
        assertEquals(before.getLong("reports") + 2, after.getLong("reports"));
        assertEquals(before.getLong("recorded") + 1, after.getLong("recorded"));
        assertEquals(before.getLong("recordedOnTime") + 1, after.getLong("recordedOnTime"));
        assertEquals(before.getLong("open") + 1, after.getLong("open"));
        assertNotNull(after.get("meanSecondsToRecord"));
        assertEquals(count(before, "referralsUp.REQUESTED") + 1, count(after, "referralsUp.REQUESTED"));
        assertEquals(before.getLong("itemsDecided") + 2, after.getLong("itemsDecided"));
        assertEquals(before.getLong("itemsRecognised") + 1, after.getLong("itemsRecognised"));
        assertEquals(before.getLong("itemsRepeated") + 1, after.getLong("itemsRepeated"));
        assertEquals((double) after.getLong("itemsRecognised") / after.getLong("itemsDecided"),
                after.getDouble("recognitionRate"), 1e-9);

        JsonPath changxingAfter = figures("cx.doctor");
        assertEquals(changxing.getLong("reports"), changxingAfter.getLong("reports"), "fumin's reports are not changxing's");
        assertEquals(changxing.getLong("itemsDecided"), changxingAfter.getLong("itemsDecided"));
        as("cx.rt").get("/api/registry/statistics").then().statusCode(403);
    }

    private static JsonPath figures(String user) {
        return as(user).get("/api/registry/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath figures, String path) {
        Object n = figures.get(path);
        return n == null ? 0 : ((Number) n).longValue();
    }
}
