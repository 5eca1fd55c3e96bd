package org.consilium.registry;

import static io.restassured.RestAssured.given;
import static org.consilium.registry.RegistryFixtures.CHANGXING;
import static org.consilium.registry.RegistryFixtures.PROV;
import static org.consilium.registry.RegistryFixtures.as;
import static org.consilium.registry.RegistryFixtures.report;
import static org.consilium.registry.RegistryFixtures.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Who sees what in case management: a community doctor only the patients handed to them, a county only its own
 * reports and the referrals addressed to it, and every route of reports, referrals and follow-up tried on a
 * community station's data by other hospitals' users, who get nothing and change nothing. Bad input changes nothing.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class RegistryIsolationTest {

    private static final String SCHEDULES = "/api/registry/follow-up-schedules";
    private static final List<String> PREFIXES = List.of("/api/registry/reports", "/api/registry/referrals",
            SCHEDULES, "/api/registry/patients");
    /** Routes that answer other hospitals' users on purpose, and why. */
    private static final Map<String, String> OPEN_TO_ALL = Map.of(
            "GET " + SCHEDULES + "/doctors", "doctors' names of an alliance hospital to hand a schedule to");

    @Test
    void aCommunityDoctorSeesOnlyThePatientsHandedToThem() {
        CommunityStation station = CommunityStation.get();
        String handedPatient = patient("cx.doctor", "严秀珍");
        String keptPatient = patient("cx.doctor", "钟玉梅");
        String handed = schedule("cx.doctor", handedPatient);
        String kept = schedule("cx.doctor", keptPatient);
        as("cx.doctor").body(Map.of("hospitalId", station.hospitalId, "userId", station.doctorId))
                .put(SCHEDULES + "/{id}/assignee", handed).then().statusCode(200);

        station.doctor().get(SCHEDULES + "/{id}", handed).then().statusCode(200);
        station.doctor().get(SCHEDULES + "/{id}", kept).then().statusCode(404);
        station.doctor().get("/api/patients/{id}", handedPatient).then().statusCode(404);
        station.doctor().get("/api/registry/patients/{id}/timeline", handedPatient).then().statusCode(200)
                .body("entries.subjectId", everyItem(equalTo(handed)));
        station.doctor().get("/api/registry/patients/{id}/timeline", keptPatient).then().statusCode(404);
        for (String path : List.of(SCHEDULES, SCHEDULES + "/due?withinDays=366")) {
            JsonPath page = station.doctor().queryParam("limit", 200).get(path).then().statusCode(200).extract()
                    .jsonPath();
            String id = path.equals(SCHEDULES) ? "items.id" : "items.scheduleId";
            assertTrue(page.getList(id).contains(handed), path + " " + page.getList(id));
            assertTrue(!page.getList(id).contains(kept), path + " " + page.getList(id));
            assertEquals(List.of(), page.<String>getList("items.patientId").stream()
                    .filter(p -> !p.equals(handedPatient) && !station.hospitalId.equals(hospitalOf(p))).toList());
        }
    }

    @Test
    void aCountySeesOnlyItsOwnReportsAndTheReferralsItSentOrThatAreAddressedToIt() {
        CommunityStation station = CommunityStation.get();
        StationData d = stationData(station);
        as("cx.doctor").queryParam("limit", 200).get("/api/registry/reports").then().statusCode(200)
                .body("items.hospitalId", everyItem(equalTo(CHANGXING))).body("items.id", not(hasItem(d.report)));
        JsonPath referrals = as("cx.doctor").queryParam("limit", 200).get("/api/registry/referrals").then()
                .statusCode(200).body("items.id", not(hasItem(d.referral))).extract().jsonPath();
        List<Map<String, Object>> items = referrals.getList("items");
        assertTrue(items.stream().allMatch(r -> CHANGXING.equals(r.get("fromHospitalId"))
                || CHANGXING.equals(r.get("toHospitalId"))), items.toString());
        station.doctor().queryParam("limit", 200).get("/api/registry/reports").then().statusCode(200)
                .body("items.hospitalId", everyItem(equalTo(station.hospitalId))).body("items.id", hasItem(d.report));
    }

    @Test
    void everyRouteOfReportsReferralsAndFollowUpTriedByAnotherHospitalsUsersFindsAndChangesNothing() {
        StationData d = stationData(CommunityStation.get());
        String before = snapshot(d);
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        List<String> problems = new ArrayList<>();
        int tried = 0;
        for (String route : new TreeSet<>(paths.keySet())) {
            if (PREFIXES.stream().noneMatch(route::startsWith)) {
                continue;
            }
            for (String method : paths.get(route).keySet()) {
                String key = method.toUpperCase() + " " + route;
                if (OPEN_TO_ALL.containsKey(key)) {
                    continue;
                }
                for (String user : List.of("fm.doctor", "cx.doctor")) {
                    Response r = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                            .body(body(key, d)).queryParam("version", 0).queryParam("limit", 200)
                            .request(method.toUpperCase(), concrete(route, d));
                    tried++;
                    String text = r.asString();
                    boolean leaked = List.of(d.report, d.referral, d.schedule, d.patient).stream()
                            .anyMatch(text::contains);
                    if (r.statusCode() / 100 == 2 && (!method.equals("get") || leaked) || r.statusCode() >= 500) {
                        problems.add(key + " as " + user + " answered " + r.statusCode() + ": " + abbreviate(text));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(tried >= 2 * 18, "only " + tried + " calls were made");
        assertEquals(before, snapshot(d), "the station's data changed");
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() {
        CommunityStation station = CommunityStation.get();
        // an unknown ICD-10 code: no report, no patient registered
        String localId = "ZB" + unique();
        Map<String, Object> unknownCode = report(localId, "屠美华");
        unknownCode.put("icd10", "C27.1");
        long reports = total(station.doctor().queryParam("limit", 1).get("/api/registry/reports"));
        station.doctor().body(unknownCode).post("/api/registry/reports").then().statusCode(400)
                .body("type", equalTo("urn:consilium:problem:validation"))
                .body("detail", org.hamcrest.Matchers.startsWith("icd10:"));
        assertEquals(reports, total(station.doctor().queryParam("limit", 1).get("/api/registry/reports")));
        assertEquals(0, total(station.doctor().queryParam("localId", localId).get("/api/patients")));

        // a referral to a hospital outside the alliance: nothing sent
        StationData d = stationData(station);
        long sent = total(station.doctor().queryParam("incoming", false).queryParam("limit", 1)
                .get("/api/registry/referrals"));
        station.doctor().body(Map.of("direction", "UP", "patientId", d.patient, "toHospitalId", UUID.randomUUID(),
                        "reason", "疑似肺癌")).post("/api/registry/referrals").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("toHospitalId"));
        assertEquals(sent, total(station.doctor().queryParam("incoming", false).queryParam("limit", 1)
                .get("/api/registry/referrals")));

        // a death dated after the contact that reports it, then a contact after a recorded death
        String visits = SCHEDULES + "/{id}/visits/{v}/outcome";
        Map<String, Object> lateDeath = new HashMap<>(Map.of("contactedOn", "2026-06-10", "reached", true,
                "vitalStatus", "DECEASED", "deathDate", "2026-06-20"));
        station.doctor().body(lateDeath).post(visits, d.schedule, d.visit).then().statusCode(400)
                .body("errors[0].field", equalTo("deathDate"));
        station.doctor().get(SCHEDULES + "/{id}", d.schedule).then().body("deathDate", equalTo(null))
                .body("visits.state", everyItem(equalTo("OPEN")));
        lateDeath.put("deathDate", "2026-06-01");
        station.doctor().body(lateDeath).post(visits, d.schedule, d.visit).then().statusCode(200);
        String later = station.doctor().get(SCHEDULES + "/{id}", d.schedule).then().extract().path("visits[1].id");
        station.doctor().body(Map.of("contactedOn", "2026-06-05", "reached", true, "vitalStatus", "ALIVE"))
                .post(visits, d.schedule, later).then().statusCode(409);
        station.doctor().get(SCHEDULES + "/{id}", d.schedule).then().body("deathDate", equalTo("2026-06-01"))
                .body("visits[1].state", equalTo("CANCELLED"));
    }

    /** A station patient's open report, up-referral to the province carrying a report, and follow-up schedule. */
    private record StationData(String patient, String report, String referral, String item, String schedule,
                               String visit) {
    }

    private static StationData stationData(CommunityStation station) {
        JsonPath r = station.doctor().body(report("ZS" + unique(), "滕秀英")).post("/api/registry/reports").then()
                .statusCode(201).extract().jsonPath();
        String patient = r.getString("patientId");
        JsonPath referral = station.doctor().body(Map.of("direction", "UP", "patientId", patient, "toHospitalId", PROV,
                        "reason", "疑似肺癌", "reports", List.of(Map.of("title", "CT报告", "text", "右肺上叶结节"))))
                .post("/api/registry/referrals").then().statusCode(201).extract().jsonPath();
        JsonPath schedule = station.doctor().body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB",
                "startOn", "2026-01-01")).post(SCHEDULES).then().statusCode(201).extract().jsonPath();
        return new StationData(patient, r.getString("id"), referral.getString("id"), referral.getString("items[0].id"),
                schedule.getString("id"), schedule.getString("visits[0].id"));
    }

    /** The station's objects as their own side reads them: versions and states. */
    private static String snapshot(StationData d) {
        CommunityStation s = CommunityStation.get();
        JsonPath report = s.doctor().get("/api/registry/reports/{id}", d.report).then().statusCode(200).extract().jsonPath();
        JsonPath referral = s.doctor().get("/api/registry/referrals/{id}", d.referral).then().statusCode(200).extract()
                .jsonPath();
        JsonPath schedule = s.doctor().get(SCHEDULES + "/{id}", d.schedule).then().statusCode(200).extract().jsonPath();
        return report.getString("version") + report.getString("clock.recordedAt") + report.getString("priority")
                + report.getString("consultId") + report.getString("referralId")
                + " | " + referral.getString("version") + referral.getString("state") + referral.getList("items")
                + " | " + schedule.getString("version") + schedule.getString("assigneeId") + schedule.getList("visits");
    }

    private static String concrete(String route, StationData d) {
        String id = route.startsWith("/api/registry/reports") ? d.report
                : route.startsWith("/api/registry/referrals") ? d.referral : d.schedule;
        return route.replace("{id}", id).replace("{visit}", d.visit).replace("{item}", d.item)
                .replace("{patientId}", d.patient);
    }

    /** A body that would succeed for the data's own side, so that only scoping can refuse it. */
    private static Map<String, Object> body(String key, StationData d) {
        Map<String, Object> b = new HashMap<>();
        switch (key) {
            case "POST /api/registry/reports" -> {
                b.putAll(report("X" + unique(), "滕秀英"));
                b.remove("patient");
                b.put("patientId", d.patient);
            }
            case "POST /api/registry/referrals" -> b.putAll(Map.of("direction", "UP", "patientId", d.patient,
                    "toHospitalId", PROV, "reason", "疑似肺癌"));
            case "POST " + SCHEDULES -> b.putAll(Map.of("patientId", d.patient, "icd10", "C34.1", "stage", "IIB"));
            case "PUT /api/registry/reports/{id}/priority" -> b.putAll(Map.of("examination", true,
                    "consultation", true, "admission", true));
            case "POST /api/registry/reports/{id}/consult" -> b.putAll(Map.of("question", "下一步？",
                    "disciplines", List.of("surgery")));
            case "POST /api/registry/reports/{id}/referral" -> b.putAll(Map.of("toHospitalId", PROV, "reason", "疑似肺癌"));
            case "POST /api/registry/referrals/{id}/transitions" -> b.putAll(Map.of("action", "ACCEPT", "version", 0,
                    "appointment", "门诊"));
            case "POST /api/registry/referrals/{id}/items/{item}/recognition" -> b.put("recognition", "RECOGNISED");
            case "PUT " + SCHEDULES + "/{id}/assignee" -> b.putAll(Map.of("hospitalId", CHANGXING,
                    "userId", as("cx.doctor").get("/api/me").then().extract().path("id")));
            case "PUT " + SCHEDULES + "/{id}/visits/{visit}/due-on" -> b.put("dueOn", "2026-05-01");
            case "POST " + SCHEDULES + "/{id}/visits/{visit}/outcome" -> b.putAll(Map.of("contactedOn", "2026-04-02",
                    "reached", true, "vitalStatus", "ALIVE"));
            default -> {
            }
        }
        return b;
    }

    private static String patient(String user, String name) {
        return as(user).body(Map.of("localId", "I" + unique(), "name", name, "sex", "F")).post("/api/patients")
                .then().statusCode(201).extract().path("id");
    }

    private static String schedule(String user, String patient) {
        return as(user).body(Map.of("patientId", patient, "icd10", "C34.1", "stage", "IIB", "startOn",
                java.time.LocalDate.now().minusMonths(3).toString())).post(SCHEDULES).then().statusCode(201)
                .extract().path("id");
    }

    private static String hospitalOf(String patient) {
        return as("platform.admin").get("/api/patients/{id}", patient).then().statusCode(200).extract()
                .path("hospitalId");
    }

    private static long total(Response r) {
        return r.then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
