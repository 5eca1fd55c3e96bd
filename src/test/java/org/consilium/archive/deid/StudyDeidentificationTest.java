package org.consilium.archive.deid;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.consilium.archive.Stow;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The RT lung phantom (CT, RTSTRUCT, RTPLAN, RTDOSE), stored by the provincial centre, de-identified over REST
 * by its case manager, then read back with QIDO-RS and WADO-RS: a new study under the pseudonym whose RT
 * references resolve within it, the source study untouched; others hear 404, bad input 400.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyDeidentificationTest {

    static final String SAMPLE_ROOT = "1.2.826.0.1.3680043.10.1453";
    static final String REQUEST = """
            {"pseudonymId": "TEACH-0042", "pseudonymName": "TEACHING^LUNG", "retainLongitudinalModifiedDates": true,
             "cleanDescriptors": true}""";
    static final ObjectMapper JSON = new ObjectMapper();

    String sourceStudy;
    String sourcePatientName;
    int instanceCount;

    /** The phantom under fresh UIDs, so that this test owns its study whatever other tests stored. */
    @BeforeEach
    void storeTheSampleStudyAsTheProvincialCentre() throws Exception {
        if (sourceStudy != null) {
            return; // once per class; RestAssured knows the test port only from the first test on
        }
        String suffix = "." + (System.currentTimeMillis() % 100000);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("dicom-samples/lung-phantom"))) {
            files = s.filter(p -> p.toString().endsWith(".dcm") && !p.toString().contains("revised")).sorted().toList();
        }
        Path copies = Files.createTempDirectory("deid-source-");
        List<Path> stored = new ArrayList<>();
        for (Path f : files) {
            DicomFile file = new DicomReader().readFile(f);
            renumber(file.dataset(), suffix);
            Path copy = copies.resolve(stored.size() + ".dcm");
            new DicomWriter().writeFile(copy, null, file.dataset(), file.transferSyntaxUid());
            stored.add(copy);
            sourceStudy = file.dataset().getString(Tag.StudyInstanceUID);
            sourcePatientName = file.dataset().getString(Tag.PatientName);
        }
        instanceCount = stored.size();
        Stow.files(Tokens.of("dr.li"), stored).statusCode(200);
    }

    static void renumber(Attributes ds, String suffix) {
        for (int i = 0; i < ds.size(); i++) {
            if (ds.valueAt(i) instanceof Sequence seq) {
                seq.forEach(item -> renumber(item, suffix));
            } else if (ds.vrAt(i) == VR.UI) {
                String uid = ds.getString(ds.tagAt(i));
                if (uid != null && uid.startsWith(SAMPLE_ROOT)) {
                    ds.setString(ds.tagAt(i), VR.UI, uid + suffix);
                }
            }
        }
    }

    @Test
    void caseManagerMakesANewStudyWhoseRtReferencesResolve() throws Exception {
        JsonNode made = JSON.readTree(given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json")
                .body(REQUEST).post("/api/studies/{st}/deidentify", sourceStudy)
                .then().statusCode(201).header("Location", containsString("/dicomweb/studies/2.25."))
                .extract().asString());
        String study = made.get("studyUid").asText();
        assertTrue(study.startsWith("2.25."), study);
        assertEquals(instanceCount, made.get("instances").asInt());
        assertEquals(sourceStudy, made.get("sourceStudyUid").asText());

        String token = Tokens.of("cm.wang");
        given().auth().oauth2(token).queryParam("StudyInstanceUID", study).get("/dicomweb/studies")
                .then().statusCode(200)
                .body("[0].'00100020'.Value[0]", equalTo("TEACH-0042"))
                .body("[0].'00100010'.Value[0].Alphabetic", equalTo("TEACHING^LUNG"))
                .body("[0].'00201208'.Value[0]", equalTo(instanceCount));
        given().auth().oauth2(token).queryParam("StudyInstanceUID", sourceStudy).get("/dicomweb/studies")
                .then().statusCode(200).body("[0].'00100010'.Value[0].Alphabetic", equalTo(sourcePatientName));

        JsonNode metadata = JSON.readTree(given().auth().oauth2(token).get("/dicomweb/studies/{st}/metadata", study)
                .then().statusCode(200).extract().asByteArray());
        assertEquals(instanceCount, metadata.size());
        Set<String> instances = new HashSet<>(Set.of(study));
        Set<String> frames = new HashSet<>();
        Map<String, JsonNode> byModality = new java.util.HashMap<>();
        for (JsonNode instance : metadata) {
            instances.add(value(instance, "00080018"));
            frames.add(value(instance, "00200052"));
            byModality.put(value(instance, "00080060"), instance);
            assertEquals("YES", value(instance, "00120062"));
            assertFalse(instance.toString().contains(sourcePatientName), "the patient's name is gone");
            assertFalse(instance.toString().contains(SAMPLE_ROOT), "no source UID is left");
        }
        List<String> references = new ArrayList<>();
        List<String> frameReferences = new ArrayList<>();
        for (JsonNode instance : metadata) {
            collect(instance, "00081155", references, false);
            collect(instance, "00200052", frameReferences, false);
        }
        assertTrue(references.size() > 90, "the RTSTRUCT references each CT slice: " + references.size());
        assertTrue(instances.containsAll(references), "every Referenced SOP Instance UID is in the new study");
        assertTrue(frames.containsAll(frameReferences));
        assertEquals(value(byModality.get("RTPLAN"), "00080018"),
                value(byModality.get("RTDOSE").get("300C0002").get("Value").get(0), "00081155"));
        assertEquals(value(byModality.get("CT"), "00200052"),
                value(byModality.get("RTSTRUCT").get("30060010").get("Value").get(0), "00200052"));

        JsonNode ct = byModality.get("CT");
        byte[] wado = given().auth().oauth2(token).get("/dicomweb/studies/{st}/series/{se}/instances/{sop}", study,
                value(ct, "0020000E"), value(ct, "00080018")).then().statusCode(200)
                .contentType(startsWith("multipart/related")).extract().asByteArray();
        assertTrue(new String(wado, java.nio.charset.StandardCharsets.ISO_8859_1).contains("TEACH-0042"));

        given().auth().oauth2(Tokens.of("platform.admin")).queryParam("action", "study.deidentify")
                .queryParam("limit", 50).get("/api/audit").then().statusCode(200)
                .body("items.find { it.target == 'study:" + sourceStudy + "' && it.outcome == 'SUCCESS' }.detail",
                        containsString(study));
    }

    @Test
    void twoRunsGiveTwoDifferentStudies() throws Exception {
        String first = deidentify("cm.wang");
        String second = deidentify("cm.wang");
        assertNotEquals(first, second);
    }

    private String deidentify(String user) throws Exception {
        return JSON.readTree(given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(REQUEST)
                .post("/api/studies/{st}/deidentify", sourceStudy).then().statusCode(201).extract().asString())
                .get("studyUid").asText();
    }

    @Test
    void otherHospitalsAndOtherRolesHearNotFound() {
        for (String user : List.of("cx.rt", "cx.doctor", "dr.li", "fm.admin")) {
            given().auth().oauth2(Tokens.of(user)).contentType("application/json").body(REQUEST)
                    .post("/api/studies/{st}/deidentify", sourceStudy)
                    .then().statusCode(404).contentType(containsString("application/problem+json"))
                    .body("type", equalTo("urn:consilium:problem:not-found"));
        }
        given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json").body(REQUEST)
                .post("/api/studies/{st}/deidentify", "1.2.3.404").then().statusCode(404);
    }

    @Test
    void badInputIsAProblemNotAFailure() {
        for (String body : List.of("{\"pseudonymName\": \"A^B\"}", "{\"pseudonymId\": \"X\\\\Y\", \"pseudonymName\": \"A\"}",
                "{\"pseudonymId\": \"张三\", \"pseudonymName\": \"A\"}", "not json")) {
            given().auth().oauth2(Tokens.of("cm.wang")).contentType("application/json").body(body)
                    .post("/api/studies/{st}/deidentify", sourceStudy)
                    .then().statusCode(400).contentType(containsString("application/problem+json"));
        }
    }

    static String value(JsonNode instance, String tag) {
        JsonNode v = instance.path(tag).path("Value");
        return v.isMissingNode() || v.isEmpty() ? null : v.get(0).asText();
    }

    /** Values of {@code tag} inside sequence items (not the instance's own top-level value). */
    static void collect(JsonNode node, String tag, List<String> into, boolean nested) {
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals(tag) && nested) {
                e.getValue().path("Value").forEach(v -> into.add(v.asText()));
            }
            if ("SQ".equals(e.getValue().path("vr").asText())) {
                e.getValue().path("Value").forEach(item -> collect(item, tag, into, true));
            }
        });
    }
}
