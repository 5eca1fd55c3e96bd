package org.consilium.consult;

import static io.restassured.RestAssured.given;
import static org.consilium.consult.ConsultFixtures.create;
import static org.consilium.consult.ConsultFixtures.newStudyUid;
import static org.consilium.consult.ConsultFixtures.patient;
import static org.consilium.consult.ConsultFixtures.request;
import static org.consilium.consult.ConsultFixtures.stow;
import static org.consilium.consult.ConsultFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class ConsultStudyTest {

    @Test
    void laterStudiesAttachByPatientIdAndAccessionAndTheProvinceMayReadThem() {
        String localId = "A" + unique();
        String accession = "ACC" + unique();
        Map<String, Object> r = request(patient("cx.doctor", localId, "袁隆平"));
        r.put("accessionNumbers", List.of(accession));
        String id = create("cx.doctor", r).then().statusCode(201).body("studies", empty()).extract().path("id");
        String byPatient = newStudyUid();
        String byAccession = newStudyUid();
        String unrelated = newStudyUid();
        assertEquals(0, visible("cm.wang", byPatient));
        stow("cx.rt", byPatient, localId, "");
        stow("cx.rt", byAccession, "OTHER-" + unique(), accession);
        stow("cx.rt", unrelated, "OTHER-" + unique(), "");
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consults/{id}", id).then().statusCode(200)
                .body("studies.studyUid", containsInAnyOrder(byPatient, byAccession))
                .body("studies.find { it.studyUid == '" + byPatient + "' }.source", equalTo("PATIENT_ID"))
                .body("studies.find { it.studyUid == '" + byAccession + "' }.source", equalTo("ACCESSION"));
        assertEquals(1, visible("cm.wang", byPatient));
        assertEquals(1, visible("dr.li", byAccession));
        assertEquals(0, visible("cm.wang", unrelated));
        assertEquals(0, visible("fm.doctor", byPatient));
    }

    @Test
    void aStudyNamedBeforeItArrivesIsGrantedWhenItDoes() {
        String early = newStudyUid();
        String present = newStudyUid();
        String localId = "B" + unique();
        stow("cx.rt", present, localId, "");
        Map<String, Object> r = request(patient("cx.doctor", localId, "屠呦呦"));
        r.put("studyUids", List.of(present, early));
        String id = create("cx.doctor", r).then().statusCode(201).extract().path("id");
        assertEquals(1, visible("cm.wang", present));
        assertEquals(0, visible("cm.wang", early));
        stow("cx.rt", early, localId, "");
        assertEquals(1, visible("cm.wang", early));
        given().auth().oauth2(Tokens.of("cm.wang")).get("/api/consults/{id}", id).then()
                .body("studies.source", contains("REQUEST", "REQUEST"));
    }

    @Test
    void anotherPatientsStudyIsNeverAttachedNamedBeforeOrAfterItArrives() {
        String othersStudy = newStudyUid();
        stow("cx.rt", othersStudy, "OTHER-" + unique(), "");
        Map<String, Object> r = request(patient("cx.doctor", "D" + unique(), "林巧稚"));
        r.put("studyUids", List.of(othersStudy));
        create("cx.doctor", r).then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(othersStudy));
        assertEquals(0, visible("cm.wang", othersStudy));

        String arrivesLater = newStudyUid();
        r.put("studyUids", List.of(arrivesLater));
        String id = create("cx.doctor", r).then().statusCode(201).extract().path("id");
        stow("cx.rt", arrivesLater, "OTHER-" + unique(), "");
        assertEquals(0, visible("cm.wang", arrivesLater));
        given().auth().oauth2(Tokens.of("cx.doctor")).get("/api/consults/{id}", id).then().statusCode(200)
                .body("studies", empty());
    }

    @Test
    void anotherHospitalsStudyNamedInARequestIsNotGranted() {
        String fuminStudy = newStudyUid();
        stow("fm.rt", fuminStudy, "F" + unique(), "");
        Map<String, Object> r = request(patient("cx.doctor", "C" + unique(), "钟南山"));
        r.put("studyUids", List.of(fuminStudy));
        create("cx.doctor", r).then().statusCode(201);
        assertEquals(0, visible("cm.wang", fuminStudy));
    }

    /** How many studies QIDO-RS shows the user for this UID (204 No Content when none, PS3.18 8.3.4). */
    private static int visible(String user, String studyUid) {
        var r = given().auth().oauth2(Tokens.of(user)).accept("application/dicom+json")
                .queryParam("StudyInstanceUID", studyUid).get("/dicomweb/studies");
        if (r.statusCode() == 204) {
            return 0;
        }
        r.then().statusCode(200);
        return r.jsonPath().getList("").size();
    }
}
