package org.consilium.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.net.Dcmtk;
import org.consilium.dicom.net.ReceivingStore;
import org.consilium.dicom.net.TestFiles;
import org.consilium.dicom.net.association.Acceptance;
import org.consilium.dicom.net.association.AssociationInfo;
import org.consilium.dicom.net.association.DicomServer;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk echoscu and storescu against our server. */
class StoreScpTest {

    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private ReceivingStore store;
    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        store = new ReceivingStore(tmp);
        server = DicomServer.builder().aeTitle("CONSILIUM").bindAddress("127.0.0.1").port(0)
                .associationPolicy(rq -> rq.callingAe().startsWith("KNOWN")
                        ? Acceptance.accept("hospital-of-" + rq.callingAe())
                        : Acceptance.reject(AAssociateRj.callingAeNotRecognized()))
                .storeHandler(store).build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void answersEchoscu() throws Exception {
        Dcmtk.Result r = Dcmtk.run(RUN, "echoscu", "-aet", "KNOWN_PACS", "-aec", "CONSILIUM", "127.0.0.1", port());
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void rejectsAssociationFromUnknownCallingAe() throws Exception {
        Dcmtk.Result r = Dcmtk.run(RUN, "echoscu", "-v", "-aet", "STRANGER", "-aec", "CONSILIUM", "127.0.0.1", port());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
        Dcmtk.Result s = Dcmtk.run(RUN, "storescu", "-aet", "STRANGER", "-aec", "CONSILIUM", "127.0.0.1", port(),
                TestFiles.pydicom("CT_small.dcm").toString());
        assertNotEquals(0, s.exitCode(), s.output());
        assertTrue(store.requests.isEmpty());
    }

    @Test
    void rejectsWrongCalledAe() throws Exception {
        Dcmtk.Result r = Dcmtk.run(RUN, "echoscu", "-v", "-aet", "KNOWN_PACS", "-aec", "SOMEONE_ELSE", "127.0.0.1", port());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Called AE Title Not Recognized"), r.output());
    }

    @Test
    void storesEachTransferSyntaxByteForByte() throws Exception {
        storeAndCompare("CT_small.dcm", "-xe");
        storeAndCompare("MR_small_implicit.dcm", "-xi");
        storeAndCompare("MR_small_bigendian.dcm", "-xb");
        storeAndCompare("SC_rgb_jpeg_dcmtk.dcm", "-xy");
    }

    @Test
    void storesDeflatedDataSet() throws Exception {
        Path f = TestFiles.pydicom("image_dfl.dcm");
        Dcmtk.Result r = storescu(List.of("-xd"), List.of(f));
        assertEquals(0, r.exitCode(), r.output());
        Part10File meta = Part10File.read(f);
        StoreRequest rq = store.requests.get(meta.sopInstanceUid());
        assertEquals(UID.DeflatedExplicitVRLittleEndian, rq.transferSyntaxUid());
        // storescu re-deflates, so compare what the deflated streams hold
        Attributes sent = new DicomReader(DicomReader.Options.IN_MEMORY).read(f.toUri().toURL().openStream()).dataset();
        Attributes got = new DicomReader(DicomReader.Options.IN_MEMORY).readDataset(
                new ByteArrayInputStream(store.received(meta.sopInstanceUid())), UID.DeflatedExplicitVRLittleEndian);
        assertEquals(sent, got);
    }

    @Test
    void storesBatchAndHandsPolicyAttachmentToHandler() throws Exception {
        Path src = java.nio.file.Files.createDirectories(tmp.resolveSibling(tmp.getFileName() + "-batch"));
        List<Path> files = TestFiles.generate(src, 12, UID.ExplicitVRLittleEndian, "Wang^Fang");
        Dcmtk.Result r = storescu(List.of("-xe"), files);
        assertEquals(0, r.exitCode(), r.output());
        for (Path f : files) {
            String iuid = Part10File.read(f).sopInstanceUid();
            assertArrayEquals(TestFiles.dataSetBytes(f), store.received(iuid));
            AssociationInfo info = store.associations.get(iuid);
            assertEquals("hospital-of-KNOWN_PACS", info.attachment(String.class));
            assertEquals("KNOWN_PACS", info.callingAe());
        }
    }

    @Test
    void storesFromEightParallelStorescu() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Dcmtk.Result>> runs = new ArrayList<>();
            List<List<Path>> batches = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path src = java.nio.file.Files.createDirectories(tmp.resolveSibling(tmp.getFileName() + "-p" + i));
                List<Path> files = TestFiles.generate(src, 5, UID.ExplicitVRLittleEndian, "Li^Na");
                batches.add(files);
                List<String> args = new ArrayList<>(List.of("-aet", "KNOWN_" + i, "-aec", "CONSILIUM", "-xe", "127.0.0.1", port()));
                files.forEach(f -> args.add(f.toString()));
                runs.add(pool.submit(() -> Dcmtk.run(RUN, "storescu", args.toArray(String[]::new))));
            }
            for (Future<Dcmtk.Result> run : runs) {
                Dcmtk.Result r = run.get();
                assertEquals(0, r.exitCode(), r.output());
            }
            for (List<Path> files : batches) {
                for (Path f : files) {
                    assertArrayEquals(TestFiles.dataSetBytes(f), store.received(Part10File.read(f).sopInstanceUid()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storescuWithSmallMaxPduIsServed() throws Exception {
        Path src = java.nio.file.Files.createDirectories(tmp.resolveSibling(tmp.getFileName() + "-pdu"));
        Path f = TestFiles.generate(src, 1, UID.ExplicitVRLittleEndian, "Zhao^Lei", 128).get(0); // 32 KiB of pixels
        Dcmtk.Result r = storescu(List.of("-xe", "--max-pdu", "4096", "--max-send-pdu", "4096"), List.of(f));
        assertEquals(0, r.exitCode(), r.output());
        assertArrayEquals(TestFiles.dataSetBytes(f), store.received(Part10File.read(f).sopInstanceUid()));
    }

    private void storeAndCompare(String name, String proposal) throws Exception {
        Path f = TestFiles.pydicom(name);
        Dcmtk.Result r = storescu(List.of(proposal), List.of(f));
        assertEquals(0, r.exitCode(), r.output());
        Part10File meta = Part10File.read(f);
        assertEquals(meta.transferSyntaxUid(), store.requests.get(meta.sopInstanceUid()).transferSyntaxUid(), name);
        TestFiles.assertSameDataSet(TestFiles.dataSetBytes(f), store.received(meta.sopInstanceUid()), name);
    }

    private Dcmtk.Result storescu(List<String> options, List<Path> files) throws Exception {
        List<String> all = new ArrayList<>(List.of("-aet", "KNOWN_PACS", "-aec", "CONSILIUM"));
        all.addAll(options);
        all.addAll(List.of("127.0.0.1", port()));
        files.forEach(f -> all.add(f.toString()));
        return Dcmtk.run(RUN, "storescu", all.toArray(String[]::new));
    }

    private String port() {
        return Integer.toString(server.port());
    }
}
