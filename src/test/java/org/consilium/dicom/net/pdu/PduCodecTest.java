package org.consilium.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.net.association.PDataInputStream;
import org.consilium.dicom.net.association.PDataOutputStream;
import org.consilium.dicom.net.association.PdvSource;
import org.consilium.dicom.net.dimse.Dimse;
import org.consilium.dicom.net.dimse.Status;
import org.junit.jupiter.api.Test;

/** PDU encoding (PS3.8 9.3), P-DATA fragmentation and DIMSE command encoding (PS3.7 E.1). */
class PduCodecTest {

    @Test
    void associateRequestRoundTripsWithRoleSelection() throws IOException {
        AAssociateRq rq = new AAssociateRq("CONSILIUM", "PACS", Pdu.APPLICATION_CONTEXT,
                List.of(PresentationContext.propose(1, UID.Verification, UID.ImplicitVRLittleEndian),
                        PresentationContext.propose(3, UID.CTImageStorage, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian)),
                UserInformation.ours(16384, List.of(new UserInformation.RoleSelection(UID.CTImageStorage, false, true))));
        Pdu read = roundTrip(rq);
        assertEquals(rq, read);
        assertEquals(Implementation.CLASS_UID, ((AAssociateRq) read).userInformation().implementationClassUid());
    }

    @Test
    void rejectAbortAndReleaseRoundTrip() throws IOException {
        assertEquals(AAssociateRj.calledAeNotRecognized(), roundTrip(AAssociateRj.calledAeNotRecognized()));
        assertEquals(AAbort.byProvider(AAbort.UNEXPECTED_PDU), roundTrip(AAbort.byProvider(AAbort.UNEXPECTED_PDU)));
        assertEquals(new AReleaseRq(), roundTrip(new AReleaseRq()));
        assertEquals(new AReleaseRp(), roundTrip(new AReleaseRp()));
    }

    @Test
    void pDataOutputStreamNeverExceedsPeerMaximum() throws IOException {
        byte[] data = new byte[100_001];
        new Random(7).nextBytes(data);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (PDataOutputStream out = new PDataOutputStream(new PduWriter(wire), 5, false, 4096)) {
            out.write(data, 0, 50_000);
            out.write(data, 50_000, data.length - 50_000);
        }
        PduReader reader = new PduReader(new ByteArrayInputStream(wire.toByteArray()), 4096); // would throw if larger
        PdvSource source = new PdvSource(reader);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        int pdus = 0;
        try (PDataInputStream in = new PDataInputStream(source, 5, false, false)) {
            assertEquals(data.length, in.transferTo(back));
            assertEquals(data.length, in.count());
            assertTrue(in.finished());
        }
        ByteArrayInputStream raw = new ByteArrayInputStream(wire.toByteArray());
        while (raw.available() > 0) {
            byte[] header = raw.readNBytes(6);
            int length = (header[2] & 0xFF) << 24 | (header[3] & 0xFF) << 16 | (header[4] & 0xFF) << 8 | header[5] & 0xFF;
            assertTrue(length <= 4096, "PDU length " + length);
            byte[] pdu = raw.readNBytes(length);
            int pdvLength = (pdu[0] & 0xFF) << 24 | (pdu[1] & 0xFF) << 16 | (pdu[2] & 0xFF) << 8 | pdu[3] & 0xFF;
            assertEquals(length - 4, pdvLength);
            boolean last = (pdu[5] & 2) != 0;
            assertEquals(raw.available() == 0, last, "only the final PDV is marked last");
            if (!last) {
                assertEquals(0, (pdvLength - 2) % 2, "fragments are even");
            }
            pdus++;
        }
        assertArrayEquals(data, back.toByteArray());
        assertEquals((data.length + 4089) / 4090, pdus);
    }

    @Test
    void commandSetCarriesGroupLength() throws IOException {
        Attributes cmd = Dimse.request(Dimse.C_ECHO_RQ, 7, UID.Verification, false);
        byte[] encoded = Dimse.encode(cmd);
        int groupLength = encoded[8] & 0xFF | (encoded[9] & 0xFF) << 8;
        assertEquals(encoded.length - 12, groupLength);
        Attributes decoded = Dimse.decode(new ByteArrayInputStream(encoded));
        assertEquals(Dimse.C_ECHO_RQ, Dimse.commandField(decoded));
        assertEquals(7, decoded.getInt(Tag.MessageID, 0));
        assertEquals(encoded.length - 12, decoded.getInt(Tag.CommandGroupLength, 0));
    }

    @Test
    void oversizedPDataIsRefusedBeforeReading() {
        byte[] header = {0x04, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        PduException e = assertThrows(PduException.class,
                () -> new PduReader(new ByteArrayInputStream(header), 65536).read());
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, e.abortReason());
    }

    @Test
    void errorCommentIsKeptInTheDefaultRepertoire() throws IOException {
        Attributes rq = Dimse.request(Dimse.C_STORE_RQ, 1, UID.CTImageStorage, true);
        Attributes rsp = Dimse.response(rq, Status.of(Status.CANNOT_UNDERSTAND, "患者 name\\bad"), false);
        Attributes decoded = Dimse.decode(new ByteArrayInputStream(Dimse.encode(rsp)));
        assertEquals("?? name?bad", decoded.getString(Tag.ErrorComment));
    }

    private static Pdu roundTrip(Pdu pdu) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PduWriter(out).write(pdu);
        return new PduReader(new ByteArrayInputStream(out.toByteArray()), 65536).read();
    }
}
