package org.consilium.registry.statistics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The statistics of a seeded 2019 ({@link SeededAlliance}) against the same figures worked out by hand below, for
 * Changxing alone (what its staff see) and for the alliance (what provincial case managers see).
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllianceStatisticsTest {

    private static final double HOUR = 3600;

    @Inject
    AgroalDataSource db;

    SeededAlliance seeded;

    @BeforeAll
    void seed() throws Exception {
        seeded = SeededAlliance.seed(db);
    }

    @Test
    void aCountyHospitalsStaffSeeTheirOwnFiguresAsWorkedOutByHand() {
        JsonPath d = dashboard("cx.doctor", "");
        assertEquals("HOSPITAL", d.getString("scope"));
        assertEquals(List.of(SeededAlliance.CX.toString()), d.getList("hospitals"));
        // screening: invited 5 in 2019 (the sixth on 2018-12-31 is out), screened 4, high risk 3 (FIT+, FIT+,
        // questionnaire), colonoscopies 2 (both high risk), 1 cancer; target 10
        assertFigure(d, "screening.invited", 5.0, 5, null);
        assertFigure(d, "screening.rate", 4 / 10.0, 4, 10L);
        assertFigure(d, "screening.highRiskRate", 3 / 4.0, 3, 4L);
        assertFigure(d, "screening.colonoscopyCompletion", 2 / 3.0, 2, 3L);
        assertFigure(d, "screening.positiveDetectionRate", 1 / 2.0, 1, 2L);
        // reports: 3, recorded after 2 h (on time) and 30 h (late), one open
        assertFigure(d, "reports.total", 3.0, 3, null);
        assertFigure(d, "reports.recordedOnTime", 1 / 2.0, 1, 2L);
        assertEquals(16 * HOUR, value(d, "reports.timeToRecordMedian"), 1e-6);
        assertEquals((2 + 0.9 * 28) * HOUR, value(d, "reports.timeToRecordP90"), 1e-6);
        assertEquals(Map.of("C18", List.of(2f), "C34", List.of(1f)), rows(d, "reports.bySite"));
        assertEquals(Map.of("OUTPATIENT", List.of(1f), "SCREENING", List.of(1f), "INPATIENT", List.of(1f)),
                rows(d, "reports.byDetection"));
        // consults: 3 requested (2 in January, 1 in February), 1 signed
        assertFigure(d, "consults.requested", 3.0, 3, null);
        assertFigure(d, "consults.signed", 1.0, 1, null);
        Map<String, List<Float>> months = rows(d, "consults.perMonth");
        assertEquals(12, months.size());
        assertEquals(List.of(2f, 1f), months.get("2019-01"));
        assertEquals(List.of(1f, 0f), months.get("2019-02"));
        assertEquals(List.of(0f, 0f), months.get("2019-12"));
        // turnaround: triage after 1, 3, 5 h; session 24 and 10 h after triage; signed 24 h after the session
        Map<String, List<Float>> steps = rows(d, "consults.turnaround");
        assertArrayEquals(new float[] {3, (float) (3 * HOUR), (float) (4.6 * HOUR)}, floats(steps.get("requestToTriage")), 1);
        assertArrayEquals(new float[] {2, (float) (17 * HOUR), (float) (22.6 * HOUR)}, floats(steps.get("triageToSession")), 1);
        assertArrayEquals(new float[] {1, (float) (24 * HOUR), (float) (24 * HOUR)}, floats(steps.get("sessionToSigned")), 1);
        assertArrayEquals(new float[] {1, (float) (49 * HOUR), (float) (49 * HOUR)}, floats(steps.get("requestToSigned")), 1);
        // radiotherapy: 4 queued, 3 decided, 1 approved without a return; PTV edited 3 times (Dice .8 .6 .7)
        assertFigure(d, "rt.reviews", 4.0, 4, null);
        assertFigure(d, "rt.firstPassApproval", 1 / 3.0, 1, 3L);
        Map<String, List<Float>> rois = rows(d, "rt.rois");
        assertEquals(List.of(3f, 0.7f), rois.get("PTV"));
        assertEquals(List.of(1f, 0.9f), rois.get("SPINALCORD"));
        assertEquals("PTV", d.getString("breakdowns.find { it.key == 'rt.rois' }.rows[0].label"));
        // referrals from or to Changxing: one up (2 items, 1 recognised), one down; 1 of 3 reported patients left
        assertFigure(d, "referrals.up", 1.0, 1, null);
        assertFigure(d, "referrals.down", 1.0, 1, null);
        assertFigure(d, "referrals.recognitionRate", 1 / 2.0, 1, 2L);
        assertFigure(d, "referrals.outwardRate", 1 / 3.0, 1, 3L);
        assertEquals(List.of(1f, 0f), rows(d, "referrals.perMonth").get("2019-03"));
        assertEquals(List.of(0f, 1f), rows(d, "referrals.perMonth").get("2019-07"));
        // follow-up: due in 2019 and not cancelled 2, one done, one still open
        assertFigure(d, "followUp.adherence", 1 / 2.0, 1, 2L);
        assertFigure(d, "followUp.overdue", 1.0, 1, null);
    }

    @Test
    void provincialCaseManagersSeeTheAllianceAsWorkedOutByHand() {
        JsonPath d = dashboard("cm.wang", "");
        assertEquals("ALLIANCE", d.getString("scope"));
        assertFigure(d, "screening.rate", 5 / 15.0, 5, 15L);
        assertFigure(d, "screening.highRiskRate", 4 / 5.0, 4, 5L);
        assertFigure(d, "screening.colonoscopyCompletion", 3 / 4.0, 3, 4L);
        assertFigure(d, "screening.positiveDetectionRate", 2 / 3.0, 2, 3L);
        assertFigure(d, "reports.recordedOnTime", 2 / 3.0, 2, 3L);
        assertEquals(10 * HOUR, value(d, "reports.timeToRecordMedian"), 1e-6);
        assertEquals((10 + 0.8 * 20) * HOUR, value(d, "reports.timeToRecordP90"), 1e-6);
        assertFigure(d, "consults.requested", 4.0, 4, null);
        assertArrayEquals(new float[] {4, (float) (2.5 * HOUR)},
                java.util.Arrays.copyOf(floats(rows(d, "consults.turnaround").get("requestToTriage")), 2), 1);
        assertFigure(d, "referrals.up", 2.0, 2, null);
        assertFigure(d, "referrals.recognitionRate", 2 / 3.0, 2, 3L);
        assertFigure(d, "referrals.outwardRate", 1 / 4.0, 1, 4L);
        assertFigure(d, "followUp.adherence", 2 / 3.0, 2, 3L);
        // one hospital of the alliance, chosen by the case manager, is that hospital's figures
        JsonPath fumin = dashboard("cm.wang", "&hospital=" + SeededAlliance.FM);
        assertFigure(fumin, "screening.rate", 1 / 5.0, 1, 5L);
        assertFigure(fumin, "reports.total", 1.0, 1, null);
    }

    @Test
    void everyFigureStatesItsDefinitionInBothLanguages() {
        JsonPath d = dashboard("cm.wang", "");
        List<Map<String, Object>> all = d.getList("figures");
        all.addAll(d.getList("breakdowns"));
        assertEquals(25, all.size());
        for (Map<String, Object> f : all) {
            for (String lang : List.of("zh", "en")) {
                @SuppressWarnings("unchecked")
                Map<String, String> w = (Map<String, String>) ((Map<String, Object>) f.get("definition")).get(lang);
                assertTrue(!w.get("title").isBlank() && !w.get("numerator").isBlank() && !w.get("dateField").isBlank(),
                        f.get("key") + " " + lang);
                if ("RATE".equals(f.get("unit"))) {
                    assertTrue(w.get("denominator") != null, f.get("key") + " names its denominator");
                }
            }
        }
    }

    @Test
    void aProgrammeNarrowsTheScreeningFigures() {
        JsonPath d = dashboard("cm.wang", "&programme=" + seeded.programme + "&sections=screening");
        assertFigure(d, "screening.invited", 6.0, 6, null);
        assertEquals(List.of(), d.getList("figures.findAll { !it.key.startsWith('screening.') }"));
        as("cx.doctor").get("/api/registry/statistics/dashboard?programme=" + java.util.UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aHospitalsStaffCannotReadAnotherHospitalsFigures() {
        as("cx.doctor").get("/api/registry/statistics/dashboard?hospital=" + SeededAlliance.FM).then().statusCode(404);
        as("cx.rt").get("/api/registry/statistics/dashboard").then().statusCode(403);
        JsonPath fumin = dashboard("fm.doctor", "");
        assertEquals(List.of(SeededAlliance.FM.toString()), fumin.getList("hospitals"));
        assertFigure(fumin, "consults.requested", 1.0, 1, null);
    }

    @Test
    void aPatientRecordedAsLeavingTheAllianceCountsInTheOutwardReferralRate() {
        String recent = "from=" + java.time.LocalDate.now().minusDays(3) + "&sections=referrals";
        JsonPath before = as("cx.doctor").get("/api/registry/statistics/dashboard?" + recent).then().statusCode(200)
                .extract().jsonPath();
        String patient = as("cx.doctor").contentType("application/json").body(Map.of("patient", Map.of("localId",
                        "OUT" + java.util.UUID.randomUUID(), "name", "外转患者", "sex", "M"), "certainty", "CONFIRMED",
                        "icd10", "C22.0", "topography", "C22.0", "detection", "OUTPATIENT", "finding", "肝占位"))
                .post("/api/registry/reports").then().statusCode(201).extract().path("patientId");
        Map<String, Object> outward = Map.of("patientId", patient, "destination", "上海某医院", "reason", "患者自行要求",
                "referredOn", java.time.LocalDate.now().toString());
        as("fm.doctor").contentType("application/json").body(outward).post("/api/registry/outward-referrals")
                .then().statusCode(404);
        as("cx.doctor").contentType("application/json").body(Map.of("patientId", patient, "destination", "上海某医院",
                "referredOn", java.time.LocalDate.now().plusDays(2).toString())).post("/api/registry/outward-referrals")
                .then().statusCode(400);
        as("cx.doctor").contentType("application/json").body(outward).post("/api/registry/outward-referrals")
                .then().statusCode(201);
        JsonPath after = as("cx.doctor").get("/api/registry/statistics/dashboard?" + recent).then().statusCode(200)
                .extract().jsonPath();
        String path = "figures.find { it.key == 'referrals.outwardRate' }.";
        assertEquals(before.getLong(path + "numerator") + 1, after.getLong(path + "numerator"));
        assertEquals(before.getLong(path + "denominator") + 1, after.getLong(path + "denominator"));
    }

    @Test
    void aBackwardRangeOrUnknownSectionIsABadRequest() {
        as("cm.wang").get("/api/registry/statistics/dashboard?from=2019-05-01&to=2019-04-01").then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("validation"));
        as("cm.wang").get("/api/registry/statistics/dashboard?from=2019-01-01&sections=weather").then().statusCode(400);
        as("cm.wang").get("/api/registry/statistics/dashboard?from=yesterday").then().statusCode(400);
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndTheFiguresOfTheDashboard() {
        byte[] csv = as("cx.doctor").get("/api/registry/statistics/dashboard.csv?from=2019-01-01&to=2019-12-31&lang=zh-CN")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nscreening.rate,筛查率,0.4,rate,4,10,"), text);
        assertTrue(text.contains("\r\n2019-01,2,1\r\n"), text);
    }

    @Test
    void theXlsxOpensAsAWorkbookWithTheFiguresAsNumbers() throws Exception {
        byte[] xlsx = as("cm.wang").get("/api/registry/statistics/dashboard.xlsx?from=2019-01-01&to=2019-12-31&lang=en")
                .then().statusCode(200).extract().asByteArray();
        Map<String, Document> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        assertTrue(parts.containsKey("[Content_Types].xml") && parts.containsKey("_rels/.rels")
                && parts.containsKey("xl/_rels/workbook.xml.rels"), parts.keySet().toString());
        NodeList sheets = parts.get("xl/workbook.xml").getElementsByTagName("sheet");
        assertEquals("figures", ((Element) sheets.item(0)).getAttribute("name"));
        assertEquals(sheets.getLength(), parts.keySet().stream().filter(p -> p.startsWith("xl/worksheets/")).count());
        Map<String, String[]> rows = new HashMap<>();
        NodeList rowNodes = parts.get("xl/worksheets/sheet1.xml").getElementsByTagName("row");
        for (int i = 0; i < rowNodes.getLength(); i++) {
            NodeList cells = ((Element) rowNodes.item(i)).getElementsByTagName("c");
            String[] values = new String[cells.getLength()];
            for (int j = 0; j < values.length; j++) {
                values[j] = cells.item(j).getTextContent();
            }
            rows.put(values[0], values);
        }
        String[] rate = rows.get("screening.rate");
        assertEquals("Screening rate", rate[1]);
        assertEquals(5 / 15.0, Double.parseDouble(rate[2]), 1e-12);
        assertEquals("5", rate[4]);
        assertEquals("15", rate[5]);
        assertEquals("invitation date (invited_on)", rate[8]);
        Element firstValue = (Element) ((Element) rowNodes.item(2)).getElementsByTagName("c").item(2);
        assertNull(firstValue.getAttributeNode("t"), "numbers are numeric cells");
    }

    private static JsonPath dashboard(String user, String more) {
        return as(user).get("/api/registry/statistics/dashboard?from=2019-01-01&to=2019-12-31" + more)
                .then().statusCode(200).extract().jsonPath()
                .using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static double value(JsonPath d, String key) {
        return ((Number) d.get("figures.find { it.key == '" + key + "' }.value")).doubleValue();
    }

    private static void assertFigure(JsonPath d, String key, double value, long numerator, Long denominator) {
        Map<String, Object> f = d.getMap("figures.find { it.key == '" + key + "' }");
        assertEquals(value, ((Number) f.get("value")).doubleValue(), 1e-9, key);
        assertEquals(numerator, ((Number) f.get("numerator")).longValue(), key);
        assertEquals(denominator, f.get("denominator") == null ? null : ((Number) f.get("denominator")).longValue(), key);
    }

    private static Map<String, List<Float>> rows(JsonPath d, String key) {
        Map<String, List<Float>> out = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> rows = d.getList("breakdowns.find { it.key == '" + key + "' }.rows");
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            List<Number> values = (List<Number>) r.get("values");
            out.put((String) r.get("label"), values.stream().map(v -> v == null ? null : v.floatValue()).toList());
        }
        return out;
    }

    private static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
