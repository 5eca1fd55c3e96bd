package org.consilium.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consilium.archive.dimse.DimseListener;
import org.consilium.archive.dimse.DimsePeersTest;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc as a county PACS: it pushes a study to us through its REST {@code /modalities/{id}/store}, then,
 * as a DICOMweb client, queries and retrieves it back from us with a county user's bearer token.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class OrthancPeerTest {

    private static final String CHANGXING = "019a0000-0000-7000-8000-000000000002";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DimseListener listener;

    @Test
    void orthancPushesOverDimseAndRetrievesOverDicomWeb(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        Path first = DimsePeersTest.withNewUids(Stow.dir("lung-phantom/CT").get(30), dir, true);
        Attributes h = DicomWebTest.header(first);
        String study = h.getString(Tag.StudyInstanceUID);
        for (Path source : Stow.dir("lung-phantom/CT").subList(30, 35)) {
            Path copy = Files.createTempFile(dir, "orthanc-", ".dcm");
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(0, Dcmtk.run("dcmodify", "-nb", "-gin", "-m", "StudyInstanceUID=" + study,
                    "-m", "SeriesInstanceUID=" + h.getString(Tag.SeriesInstanceUID), copy.toString()).exitCode());
            files.add(copy);
        }

        Path home = Files.createDirectories(dir.resolve("orthanc"));
        try (Orthanc orthanc = Orthanc.start(home, "ORTHANC_CX")) {
            registerForChangxing("ORTHANC_CX", orthanc.dicomPort());
            String orthancStudy = null;
            for (Path f : files) {
                HttpResponse<String> r = orthanc.post("/instances", Files.readAllBytes(f));
                assertEquals(200, r.statusCode(), r.body());
                orthancStudy = JSON.readTree(r.body()).get("ParentStudy").asText();
            }

            // 1. Orthanc pushes the study to us over C-STORE
            assertEquals(200, orthanc.put("/modalities/consilium", """
                    {"AET": "CONSILIUM", "Host": "127.0.0.1", "Port": %d}""".formatted(listener.port())).statusCode());
            HttpResponse<String> push = orthanc.post("/modalities/consilium/store", orthancStudy);
            assertEquals(200, push.statusCode(), push.body());
            given().auth().oauth2(Tokens.of("cx.doctor")).get("/dicomweb/studies/{st}/instances", study)
                    .then().statusCode(200).body("size()", org.hamcrest.Matchers.is(files.size()));

            // 2. Orthanc forgets it, then queries and retrieves it from us as a DICOMweb client
            assertEquals(200, orthanc.delete("/studies/" + orthancStudy).statusCode());
            defineServer(orthanc, "consilium", Tokens.of("cx.doctor"));
            HttpResponse<String> qido = orthanc.post("/dicom-web/servers/consilium/qido",
                    "{\"Uri\": \"/studies\", \"Arguments\": {\"StudyInstanceUID\": \"" + study + "\"}}");
            assertEquals(200, qido.statusCode(), qido.body());
            JsonNode found = JSON.readTree(qido.body());
            assertEquals(1, found.size(), qido.body());
            assertTrue(qido.body().contains(study), qido.body());

            HttpResponse<String> retrieve = orthanc.post("/dicom-web/servers/consilium/retrieve",
                    "{\"Resources\": [{\"Study\": \"" + study + "\"}]}");
            assertEquals(200, retrieve.statusCode(), retrieve.body());
            JsonNode instances = JSON.readTree(orthanc.get("/instances?expand").body());
            assertEquals(files.size(), instances.size(), "Orthanc got every instance back");
            Map<String, Path> bySop = new HashMap<>();
            for (Path f : files) {
                bySop.put(DicomWebTest.header(f).getString(Tag.SOPInstanceUID), f);
            }
            for (JsonNode instance : instances) {
                String sop = instance.get("MainDicomTags").get("SOPInstanceUID").asText();
                Path back = Files.write(dir.resolve(sop + ".back.dcm"), orthanc.bytes("/instances/" + instance.get("ID").asText() + "/file"));
                Attributes sent = new DicomReader().readFile(bySop.get(sop)).dataset();
                Attributes received = new DicomReader().readFile(back).dataset();
                assertEquals(sent, received, "round trip through us leaves " + sop + " unchanged");
            }

            // 3. The same client with another county's token sees nothing
            defineServer(orthanc, "as-fumin", Tokens.of("fm.doctor"));
            HttpResponse<String> foreign = orthanc.post("/dicom-web/servers/as-fumin/qido",
                    "{\"Uri\": \"/studies\", \"Arguments\": {\"StudyInstanceUID\": \"" + study + "\"}}");
            assertTrue(foreign.statusCode() == 200 && JSON.readTree(foreign.body()).isEmpty()
                    || foreign.statusCode() >= 400, foreign.statusCode() + " " + foreign.body());
        }
    }

    private static void defineServer(Orthanc orthanc, String id, String token) throws Exception {
        String url = "http://127.0.0.1:" + RestAssured.port + "/dicomweb/";
        HttpResponse<String> r = orthanc.put("/dicom-web/servers/" + id,
                "{\"Url\": \"" + url + "\", \"HttpHeaders\": {\"Authorization\": \"Bearer " + token + "\"}}");
        assertEquals(200, r.statusCode(), r.body());
    }

    private static void registerForChangxing(String aet, int port) {
        given().auth().oauth2(Tokens.of("cx.admin")).contentType("application/json")
                .body(Map.of("aeTitle", aet, "host", "127.0.0.1", "port", port, "description", "Orthanc as county PACS"))
                .post("/api/hospitals/" + CHANGXING + "/application-entities")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)));
    }
}
