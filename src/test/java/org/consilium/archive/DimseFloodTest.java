package org.consilium.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.consilium.archive.dimse.DimseListener;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.net.pdu.AAssociateAc;
import org.consilium.dicom.net.pdu.AAssociateRq;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.Dimse;
import org.consilium.dicom.net.association.PDataOutputStream;
import org.consilium.dicom.net.pdu.Pdu;
import org.consilium.dicom.net.pdu.PduReader;
import org.consilium.dicom.net.pdu.PduWriter;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.pdu.UserInformation;
import org.consilium.localstack.ConsiliumTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A thousand generated malformed PDUs and DIMSE messages against the archive's listener (bad lengths, unknown
 * PDU types, P-DATA before association, flipped bytes, commands with missing fields, truncated and garbage
 * data sets) while a correct association stays open alongside: it keeps serving, nothing from a broken
 * message is indexed, and no staging file remains.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class DimseFloodTest {

    private static final int MESSAGES = 1000;
    private static final int CT_CONTEXT = 1;
    private static final Path CT_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    @Inject
    DimseListener listener;
    @Inject
    AgroalDataSource db;
    @ConfigProperty(name = "consilium.archive.blob-dir")
    Path blobDir;

    private final Random random = new Random(20); // issue 20: the same thousand every run
    private byte[] dataSet;
    private int serial;

    @Test
    void aThousandMalformedMessagesLeaveTheListenerServingAndIndexNothing() throws Exception {
        dataSet = encodedDataSet(fresh());
        long before = instances();
        ConnectOptions options = ConnectOptions.of("localhost", listener.port(), "CHANGXING_PACS", "CONSILIUM")
                .proposeVerification().propose(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
        try (Association alongside = Association.connect(options)) {
            for (int i = 0; i < MESSAGES; i++) {
                attack(i % 10);
                if (i % 100 == 99) {
                    assertEquals(Status.SUCCESS, alongside.cecho().code(), "after " + (i + 1) + " attacks");
                }
            }
            Attributes good = fresh();
            Status stored = alongside.cstore(UID.CTImageStorage, good.getString(Tag.SOPInstanceUID),
                    UID.ExplicitVRLittleEndian, new ByteArrayInputStream(encodedDataSet(good)));
            assertTrue(stored.isSuccess() || stored.isWarning(), stored.toString());
            alongside.release();
        }
        assertEquals(before + 1, instances(), "only the correct association's instance is indexed");
        try (Stream<Path> staging = Files.list(blobDir.resolve("staging"))) {
            assertEquals(List.of(), staging.toList(), "no staging file remains");
        }
    }

    private void attack(int kind) throws Exception {
        switch (kind) {
            case 0 -> raw(randomBytes(1 + random.nextInt(300)), false);
            case 1 -> raw(pdu(8 + random.nextInt(0xF8), randomBytes(random.nextInt(64))), false);
            case 2 -> raw(withLength(associateRq(), random.nextInt()), false);
            case 3 -> raw(flipped(associateRq()), false);
            case 4 -> raw(pData(true, command(null)), false);
            case 5 -> raw(pData(true, command(randomCommandElement())), true);
            case 6 -> raw(concat(pData(true, command(null)), pData(false, truncatedDataSet())), true);
            case 7 -> raw(concat(pData(true, command(null)), pData(false, randomBytes(random.nextInt(2000)))), true);
            case 8 -> raw(flipped(concat(pData(true, command(null)), pData(false, dataSet))), true);
            default -> raw(random.nextBoolean() ? withLength(associateRq(), random.nextInt(100))
                    : pdu(Pdu.A_RELEASE_RQ, randomBytes(random.nextInt(12))), true);
        }
    }

    /** Sends the bytes (after a correct association, if asked), ends the stream and drains the answers. */
    private void raw(byte[] bytes, boolean associated) throws IOException {
        try (Socket s = new Socket("localhost", listener.port())) {
            s.setSoTimeout(10_000);
            if (associated) {
                s.getOutputStream().write(associateRq());
                try {
                    assertTrue(new PduReader(s.getInputStream(), 1 << 20).read() instanceof AAssociateAc);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no A-ASSOCIATE-AC", e);
                }
            }
            try {
                s.getOutputStream().write(bytes);
                s.shutdownOutput();
                s.getInputStream().readAllBytes();
            } catch (IOException e) {
                // the listener aborted and closed first: what it should do
            }
        }
    }

    private byte[] associateRq() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PduWriter(out).write(new AAssociateRq("CONSILIUM", "CHANGXING_PACS", Pdu.APPLICATION_CONTEXT,
                List.of(PresentationContext.propose(CT_CONTEXT, UID.CTImageStorage, UID.ExplicitVRLittleEndian)),
                UserInformation.ours(16384, List.of())));
        return out.toByteArray();
    }

    /** A C-STORE-RQ command for a fresh SOP Instance UID, without {@code missing} when it is not null. */
    private byte[] command(Integer missing) throws Exception {
        Attributes cmd = Dimse.request(Dimse.C_STORE_RQ, 1 + random.nextInt(1000), UID.CTImageStorage, true);
        cmd.setString(Tag.AffectedSOPInstanceUID, VR.UI, fresh().getString(Tag.SOPInstanceUID));
        cmd.setInt(Tag.Priority, VR.US, 0);
        if (missing != null) {
            cmd.remove(missing);
        }
        return Dimse.encode(cmd);
    }

    private int randomCommandElement() {
        int[] tags = {Tag.AffectedSOPClassUID, Tag.CommandField, Tag.MessageID, Tag.CommandDataSetType,
            Tag.AffectedSOPInstanceUID, Tag.Priority};
        return tags[random.nextInt(tags.length)];
    }

    /** The data set cut inside its last element (Pixel Data), so that it can never be read as complete. */
    private byte[] truncatedDataSet() {
        return Arrays.copyOf(dataSet, dataSet.length - 1 - random.nextInt(1000));
    }

    private byte[] pData(boolean command, byte[] value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDataOutputStream p = new PDataOutputStream(new PduWriter(out), CT_CONTEXT, command, 16384)) {
            p.write(value);
        }
        return out.toByteArray();
    }

    private byte[] pdu(int type, byte[] body) {
        byte[] b = new byte[6 + body.length];
        b[0] = (byte) type;
        b[2] = (byte) (body.length >>> 24);
        b[3] = (byte) (body.length >>> 16);
        b[4] = (byte) (body.length >>> 8);
        b[5] = (byte) body.length;
        System.arraycopy(body, 0, b, 6, body.length);
        return b;
    }

    private static byte[] withLength(byte[] pdu, int length) {
        byte[] b = pdu.clone();
        b[2] = (byte) (length >>> 24);
        b[3] = (byte) (length >>> 16);
        b[4] = (byte) (length >>> 8);
        b[5] = (byte) length;
        return b;
    }

    private byte[] flipped(byte[] bytes) {
        byte[] b = bytes.clone();
        for (int n = 1 + random.nextInt(5); n > 0; n--) {
            b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** pydicom's CT_small with fresh UIDs: whatever slips through would show as an extra index row. */
    private Attributes fresh() throws Exception {
        Attributes ds = new DicomReader(DicomReader.Options.IN_MEMORY).readFile(CT_SMALL).dataset();
        String unique = Implementation.ROOT_UID + ".98." + ProcessHandle.current().pid() + "." + System.nanoTime()
                + "." + ++serial;
        ds.setString(Tag.StudyInstanceUID, VR.UI, unique + ".1");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, unique + ".2");
        ds.setString(Tag.SOPInstanceUID, VR.UI, unique + ".3");
        ds.remove(Tag.DataSetTrailingPadding); // so that Pixel Data is the last element
        return ds;
    }

    private static byte[] encodedDataSet(Attributes ds) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().writeDataset(out, ds, UID.ExplicitVRLittleEndian);
        return out.toByteArray();
    }

    private long instances() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from instance_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
