package org.consilium.archive.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.consilium.archive.web.DicomWebTest;
import org.consilium.archive.Stow;
import org.consilium.archive.Dcmtk;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** The DICOM TLS listener, with a PEM certificate and key as a Secret mounts them, driven by dcmtk's storescu +tls. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
@WithTestResource(DicomTlsTestResource.class)
class DimseTlsTest {

    @Inject
    DimseListener listener;

    @Test
    void aRegisteredPacsStoresOverTlsAndTheStudyIsIndexed() throws Exception {
        Path file = Stow.dir("lung-phantom/CT").get(90);
        Dcmtk.Result r = Dcmtk.run("storescu", "+tla", "+cf", DicomTlsTestResource.certificate.toString(),
                "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost", Integer.toString(listener.tlsPort()),
                file.toString());
        assertEquals(0, r.exitCode(), r.output());
        String series = DicomWebTest.header(file).getString(org.consilium.dicom.dict.Tag.SeriesInstanceUID);
        io.restassured.RestAssured.given().auth().oauth2(Tokens.of("cx.rt")).queryParam("SeriesInstanceUID", series)
                .get("/dicomweb/series").then().statusCode(200);
    }

    @Test
    void theTlsPortServesNoCleartextAndTheCleartextPortStays() throws Exception {
        assertNotEquals(listener.port(), listener.tlsPort());
        Dcmtk.Result plain = Dcmtk.run("echoscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                Integer.toString(listener.tlsPort()));
        assertNotEquals(0, plain.exitCode(), plain.output());
        assertEquals(0, Dcmtk.run("echoscu", "-aet", "CHANGXING_PACS", "-aec", "CONSILIUM", "localhost",
                Integer.toString(listener.port())).exitCode());
    }

    @Test
    void anUnknownAeIsRejectedOverTlsToo() throws Exception {
        Dcmtk.Result r = Dcmtk.run("echoscu", "+tla", "+cf", DicomTlsTestResource.certificate.toString(),
                "-aet", "STRANGER", "-aec", "CONSILIUM", "localhost", Integer.toString(listener.tlsPort()));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
    }
}
