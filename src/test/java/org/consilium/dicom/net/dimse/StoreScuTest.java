package org.consilium.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.TestFiles;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.association.NoPresentationContextException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SCU against dcmtk storescp. */
class StoreScuTest {

    @TempDir
    Path tmp;

    private Process storescp;

    @AfterEach
    void stop() {
        if (storescp != null) {
            storescp.destroy();
        }
    }

    @Test
    void echoesDcmtkStorescp() throws Exception {
        int port = startStorescp();
        try (Association as = Association.connect(ConnectOptions.of("127.0.0.1", port, "CONSILIUM", "DCMTK")
                .proposeVerification())) {
            assertEquals(Status.SUCCESS, as.cecho().code());
            assertEquals("DCMTK", as.info().calledAe());
            assertTrue(as.info().peerImplementationClassUid().startsWith("1.2.276.0.7230010"), as.info().toString());
            as.release();
            assertTrue(!as.isOpen());
        }
    }

    @Test
    void filesArriveIdentical() throws Exception {
        List<Path> files = new ArrayList<>(TestFiles.generate(Files.createDirectories(tmp.resolve("src")), 5,
                UID.ExplicitVRLittleEndian, "张^三"));
        files.add(TestFiles.pydicom("MR_small_implicit.dcm"));
        files.add(TestFiles.pydicom("SC_rgb_jpeg_dcmtk.dcm"));
        int port = startStorescp();
        try (StoreScu scu = StoreScu.open(ConnectOptions.of("127.0.0.1", port, "CONSILIUM", "DCMTK"), files)) {
            for (Path f : files) {
                assertEquals(Status.SUCCESS, scu.store(f).code(), f.toString());
            }
        }
        assertReceivedIdentical(files);
    }

    @Test
    void fragmentsToSmallPeerMaxPdu() throws Exception {
        List<Path> files = TestFiles.generate(Files.createDirectories(tmp.resolve("src")), 2, UID.ExplicitVRLittleEndian,
                "Big^Image", 256); // 128 KiB of pixels: 32 PDUs at 4 KiB
        int port = startStorescp("--max-pdu", "4096");
        try (StoreScu scu = StoreScu.open(ConnectOptions.of("127.0.0.1", port, "CONSILIUM", "DCMTK"), files)) {
            assertEquals(4096, scu.association().info().peerMaxPduLength());
            for (Path f : files) {
                assertEquals(Status.SUCCESS, scu.store(f).code());
            }
        }
        assertReceivedIdentical(files);
    }

    @Test
    void convertsBetweenUncompressedSyntaxesWhenPeerAcceptsOnlyImplicit() throws Exception {
        Path f = TestFiles.generate(Files.createDirectories(tmp.resolve("src")), 1, UID.ExplicitVRLittleEndian, "Li^Si").get(0);
        int port = startStorescp("+xi"); // storescp accepts implicit VR little endian only
        Part10File p = Part10File.read(f);
        ConnectOptions o = ConnectOptions.of("127.0.0.1", port, "CONSILIUM", "DCMTK")
                .propose(p.sopClassUid(), UID.ImplicitVRLittleEndian);
        try (Association as = Association.connect(o); InputStream in = p.openDataSet()) {
            assertEquals(Status.SUCCESS, as.cstore(p.sopClassUid(), p.sopInstanceUid(), p.transferSyntaxUid(), in).code());
            as.release();
        }
        Path received = only(tmp.resolve("rx"));
        assertEquals(UID.ImplicitVRLittleEndian, Part10File.read(received).transferSyntaxUid());
    }

    @Test
    void refusesToSendCompressedDataInAnotherSyntax() throws Exception {
        Part10File p = Part10File.read(TestFiles.pydicom("SC_rgb_jpeg_dcmtk.dcm"));
        int port = startStorescp();
        ConnectOptions o = ConnectOptions.of("127.0.0.1", port, "CONSILIUM", "DCMTK").proposeVerification()
                .propose(p.sopClassUid(), UID.ExplicitVRLittleEndian);
        try (Association as = Association.connect(o); InputStream in = p.openDataSet()) {
            assertThrows(NoPresentationContextException.class,
                    () -> as.cstore(p.sopClassUid(), p.sopInstanceUid(), p.transferSyntaxUid(), in));
            assertEquals(Status.SUCCESS, as.cecho().code(), "the association is still usable");
            as.release();
        }
    }

    private void assertReceivedIdentical(List<Path> files) throws Exception {
        for (Path f : files) {
            Part10File sent = Part10File.read(f);
            Path got = tmp.resolve("rx").resolve(prefix(sent.sopClassUid()) + "." + sent.sopInstanceUid());
            assertTrue(Files.exists(got), "storescp did not write " + got + ":\n" + Dcmtk.output(storescp));
            assertEquals(sent.transferSyntaxUid(), Part10File.read(got).transferSyntaxUid());
            assertArrayEquals(TestFiles.dataSetBytes(f), TestFiles.dataSetBytes(got), f.toString());
        }
    }

    /** storescp names files by SOP class modality prefix ("CT", "MR", "SC"...) and instance UID. */
    private static String prefix(String sopClass) {
        return switch (sopClass) {
            case UID.CTImageStorage -> "CT";
            case UID.MRImageStorage -> "MR";
            case UID.SecondaryCaptureImageStorage -> "SC";
            default -> throw new IllegalArgumentException(sopClass);
        };
    }

    private int startStorescp(String... extra) throws Exception {
        int port = Dcmtk.freePort();
        storescp = Dcmtk.storescp(Files.createDirectories(tmp.resolve("rx")), "DCMTK", port, extra);
        return port;
    }

    private static Path only(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
