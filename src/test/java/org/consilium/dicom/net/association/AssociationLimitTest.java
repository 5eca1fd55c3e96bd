package org.consilium.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.junit.jupiter.api.Test;

/** The limit on concurrent associations (PS3.8 table 9-21: rejected-transient, local-limit-exceeded). */
class AssociationLimitTest {

    @Test
    void rejectsAssociationsBeyondTheLimitAndAcceptsAgainAfterRelease() throws Exception {
        try (DicomServer server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .maxAssociations(1).build().start()) {
            ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").proposeVerification();
            Association first = Association.connect(o);
            assertEquals(1, server.activeAssociations());

            AssociationRejectedException e = assertThrows(AssociationRejectedException.class, () -> Association.connect(o));
            assertEquals(AAssociateRj.localLimitExceeded(), e.rejection());
            Dcmtk.Result r = Dcmtk.run(Duration.ofSeconds(30), "echoscu", "-v", "-aec", "CONSILIUM", "127.0.0.1",
                    Integer.toString(server.port()));
            assertNotEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("Local Limit Exceeded"), r.output());

            first.release();
            // The server frees the slot when its side of the release is done, a moment after ours.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.activeAssociations() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try (Association again = Association.connect(o)) {
                assertEquals(Status.SUCCESS, again.cecho().code());
                again.release();
            }
        }
    }

    @Test
    void rejectsWhenPolicyFailsRatherThanHanging() throws Exception {
        try (DicomServer server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .associationPolicy(rq -> {
                    throw new IllegalStateException("registry down");
                }).build().start()) {
            ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").proposeVerification();
            AssociationRejectedException e = assertThrows(AssociationRejectedException.class, () -> Association.connect(o));
            assertEquals(AAssociateRj.REJECTED_TRANSIENT, e.rejection().result());
        }
    }

    @Test
    void rejectsUnsupportedAbstractSyntaxPerContext() throws Exception {
        try (DicomServer server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .build().start()) { // no store handler: storage not offered
            ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").proposeVerification()
                    .propose(org.consilium.dicom.dict.UID.CTImageStorage, org.consilium.dicom.dict.UID.ExplicitVRLittleEndian);
            try (Association as = Association.connect(o)) {
                assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, as.info().contexts().get(1).result());
                assertThrows(NoPresentationContextException.class, () -> as.cstore(
                        org.consilium.dicom.dict.UID.CTImageStorage, "1.2.3", org.consilium.dicom.dict.UID.ExplicitVRLittleEndian,
                        java.io.InputStream.nullInputStream()));
                assertEquals(Status.SUCCESS, as.cecho().code());
                as.release();
            }
        }
    }
}
