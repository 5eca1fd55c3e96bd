package org.consilium.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.dimse.Dimse;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.AAssociateAc;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PduReader;
import org.consilium.dicom.net.pdu.PduWriter;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and malicious input on raw sockets: each connection is aborted or closed, never left hanging or
 * allowed to allocate what a length field claims, and the server goes on answering echoscu.
 */
class HostileInputTest {

    /** Well beyond the 1 s ARTIM and idle timeouts configured below; only a hang takes this long. */
    private static final int PATIENCE_MS = 20_000;

    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .timeouts(Timeouts.DEFAULT.withAssociation(Duration.ofSeconds(1)).withIdle(Duration.ofSeconds(1)))
                .storeHandler((a, rq, in) -> {
                    in.transferTo(OutputStream.nullOutputStream());
                    return Status.OK;
                })
                .findHandler((a, rq, keys, out) -> {
                    Attributes big = new Attributes();
                    big.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    big.setString(Tag.StudyDescription, VR.UT, "x".repeat(60_000)); // UT: no length limit
                    for (int i = 0; i < 20_000 && out.pending(big); i++) {
                        // the SCU never reads: the server's writes stall once the socket buffers fill
                    }
                    return Status.OK;
                })
                .build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void garbageIsAbortedAndServerStillServes() throws Exception {
        byte[] reply = exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        assertAbortOrClose(reply, AAbort.UNRECOGNIZED_PDU);
        assertTrue(echoscuSucceeds());
    }

    @Test
    void absurdAssociateLengthIsAbortedWithoutAllocating() throws Exception {
        byte[] reply = exchange(new byte[] {0x01, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 0, 1});
        assertAbortOrClose(reply, AAbort.INVALID_PDU_PARAMETER_VALUE);
        assertTrue(echoscuSucceeds());
    }

    @Test
    void pDataBeforeAssociationIsAborted() throws Exception {
        byte[] reply = exchange(new byte[] {0x04, 0, 0, 0, 0, 8, 0, 0, 0, 4, 1, 3, 0, 0});
        assertAbortOrClose(reply, AAbort.UNEXPECTED_PDU);
        assertTrue(echoscuSucceeds());
    }

    @Test
    void truncatedPduThenSilenceIsClosedByArtim() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(new byte[] {0x01, 0, 0, 0, 0, 100, 0, 1, 0, 0}); // 100 announced, 4 sent
            s.getOutputStream().flush();
            byte[] reply = s.getInputStream().readAllBytes(); // returns only when the server closes
            assertEquals(0, reply.length, "ARTIM expiry closes the connection without a PDU (PS3.8 AA-2)");
        }
        assertTrue(echoscuSucceeds());
    }

    @Test
    void malformedPdvInsideAssociationIsAborted() throws Exception {
        try (Socket s = connect()) {
            associate(s);
            // a P-DATA-TF whose PDV item claims more bytes than the PDU holds
            s.getOutputStream().write(new byte[] {0x04, 0, 0, 0, 0, 8, 0x7F, 0, 0, 0, 1, 3, 0, 0});
            byte[] reply = s.getInputStream().readAllBytes();
            assertAbortOrClose(reply, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        assertTrue(echoscuSucceeds());
    }

    @Test
    void unknownPduTypeInsideAssociationIsAborted() throws Exception {
        try (Socket s = connect()) {
            associate(s);
            s.getOutputStream().write(new byte[] {0x55, 0, 0, 0, 0, 2, 0, 0});
            assertAbortOrClose(s.getInputStream().readAllBytes(), AAbort.UNRECOGNIZED_PDU);
        }
        assertTrue(echoscuSucceeds());
    }

    @Test
    void idleAssociationIsAbortedByServer() throws Exception {
        ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM").proposeVerification();
        try (Association as = Association.connect(o)) {
            assertEquals(Status.SUCCESS, as.cecho().code());
            Thread.sleep(2500); // past the server's 1 s idle timeout
            assertThrows(IOException.class, as::cecho);
        }
        assertTrue(echoscuSucceeds());
    }

    @Test
    void peerThatStopsReadingIsDisconnected() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            s.setSoTimeout(PATIENCE_MS);
            associate(s, PresentationContext.propose(1, UID.StudyRootQueryRetrieveInformationModelFind,
                    UID.ImplicitVRLittleEndian));
            PduWriter w = new PduWriter(s.getOutputStream());
            try (PDataOutputStream cmd = new PDataOutputStream(w, 1, true, 16384)) {
                cmd.write(Dimse.encode(Dimse.request(Dimse.C_FIND_RQ, 1, UID.StudyRootQueryRetrieveInformationModelFind, true)));
            }
            Attributes keys = new Attributes();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            try (PDataOutputStream data = new PDataOutputStream(w, 1, false, 16384)) {
                new DicomWriter().writeDataset(data, keys, UID.ImplicitVRLittleEndian);
            }
            Thread.sleep(4000); // server idle timeout is 1 s: its stalled write is cut within a second or two
            long total = 0;
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0 && total < 200_000_000L; ) {
                total += n;
            }
            assertTrue(total < 200_000_000L, "the server kept sending to a peer that had stopped reading");
        }
        assertTrue(echoscuSucceeds());
    }

    @Test
    void storeWithTruncatedDataSetEndsOnlyThatAssociation() throws Exception {
        ConnectOptions o = ConnectOptions.of("127.0.0.1", server.port(), "SCU", "CONSILIUM")
                .propose(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
        Association as = Association.connect(o);
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws IOException {
                if (n++ > 1000) {
                    throw new IOException("source file vanished");
                }
                return 0;
            }
        };
        assertThrows(IOException.class, () -> as.cstore(UID.CTImageStorage, "1.2.3", UID.ExplicitVRLittleEndian, failing));
        assertTrue(!as.isOpen(), "the half-sent association is aborted");
        assertTrue(echoscuSucceeds());
    }

    private static void assertAbortOrClose(byte[] reply, int reason) {
        if (reply.length == 0) {
            return; // closed
        }
        assertEquals(Pdu.A_ABORT, reply[0], "first reply byte");
        assertEquals(10, reply.length);
        assertEquals(AAbort.SOURCE_SERVICE_PROVIDER, reply[8]);
        assertEquals(reason, reply[9]);
    }

    private byte[] exchange(byte[] request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return s.getInputStream().readAllBytes();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(PATIENCE_MS);
        return s;
    }

    /** Sends a valid A-ASSOCIATE-RQ for Verification and reads the A-ASSOCIATE-AC. */
    private static void associate(Socket s) throws IOException {
        associate(s, PresentationContext.propose(1, UID.Verification, UID.ImplicitVRLittleEndian));
    }

    private static void associate(Socket s, PresentationContext pc) throws IOException {
        ByteArrayOutputStream rq = new ByteArrayOutputStream();
        new PduWriter(rq).write(new AAssociateRq("CONSILIUM", "RAW", Pdu.APPLICATION_CONTEXT, List.of(pc),
                UserInformation.ours(16384, List.of())));
        s.getOutputStream().write(rq.toByteArray());
        try {
            assertTrue(new PduReader(s.getInputStream(), 16384).read() instanceof AAssociateAc);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no A-ASSOCIATE-AC", e);
        }
    }

    private boolean echoscuSucceeds() throws Exception {
        if (server == null) {
            return true;
        }
        Dcmtk.Result r = Dcmtk.run(Duration.ofSeconds(30), "echoscu", "-aec", "CONSILIUM", "127.0.0.1",
                Integer.toString(server.port()));
        assertEquals(0, r.exitCode(), r.output());
        return true;
    }
}
