package org.consilium.consult;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.localstack.Tokens;

/** Test helpers: patients, consult requests and DICOM studies made through the public API, as users would. */
public final class ConsultFixtures {

    private ConsultFixtures() {
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a patient in the user's hospital and returns its id. */
    static String patient(String user, String localId, String name) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON)
                .body(Map.of("localId", localId, "name", name, "sex", "M", "birthDate", "1961-05-08"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> request(String patientId) {
        Map<String, Object> r = new HashMap<>();
        r.put("patientId", patientId);
        r.put("clinicalSummary", "男，65岁，右肺上叶3.2cm占位");
        r.put("question", "可否手术？");
        r.put("urgency", "URGENT");
        r.put("requestedDisciplines", List.of("surgery", "radiation-oncology"));
        r.put("pathology", Map.of("histology", "浸润性腺癌", "grade", "G2", "reportedOn", "2026-11-02",
                "markers", Map.of("EGFR", "19del", "PD-L1", "TPS 60%")));
        r.put("labs", List.of(Map.of("test", "CEA", "value", "12.4", "unit", "ng/mL", "flag", "H")));
        return r;
    }

    static Response create(String user, Map<String, Object> request) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(request).post("/api/consults");
    }

    /** A patient and a REQUESTED consult for them, raised by {@code user}; returns the consult id. */
    public static String consult(String user, String patientName) {
        String patientId = patient(user, "P" + unique(), patientName);
        return create(user, request(patientId)).then().statusCode(201).extract().path("id");
    }

    public static String newStudyUid() {
        return "2.25." + new BigInteger(1, uuidBytes());
    }

    /** STOWs a one-instance study with this PatientID and accession number as {@code user}. */
    public static void stow(String user, String studyUid, String patientId, String accession) {
        Attributes ds = new Attributes(40);
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, newStudyUid());
        ds.setString(Tag.StudyDate, VR.DA, "20261120");
        ds.setString(Tag.AccessionNumber, VR.SH, accession);
        ds.setString(Tag.Modality, VR.CS, "OT");
        ds.setString(Tag.PatientName, VR.PN, "TEST^CONSULT");
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, newStudyUid());
        ds.setInt(Tag.SeriesNumber, VR.IS, 1);
        ds.setInt(Tag.InstanceNumber, VR.IS, 1);
        ds.setInt(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tag.Rows, VR.US, 4);
        ds.setInt(Tag.Columns, VR.US, 4);
        ds.setInt(Tag.BitsAllocated, VR.US, 8);
        ds.setInt(Tag.BitsStored, VR.US, 8);
        ds.setInt(Tag.HighBit, VR.US, 7);
        ds.setInt(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, VR.OB, new byte[16]);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            new DicomWriter().writeFile(file, null, ds, UID.ExplicitVRLittleEndian);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String boundary = "consult-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        given().auth().oauth2(Tokens.of(user))
                .contentType("multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .body(body.toByteArray()).post("/dicomweb/studies").then().statusCode(200);
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits())
                .array();
    }
}
