package org.consilium.dicom.net.dimse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.net.pdu.AAbort;
import org.consilium.dicom.net.pdu.PduException;

/**
 * DIMSE command sets (PS3.7 9.3, E.1): command field values, priorities, and the encoding, which is always
 * Implicit VR Little Endian with Command Group Length (0000,0000) first.
 */
public final class Dimse {

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_STORE_RSP = 0x8001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_GET_RSP = 0x8010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_FIND_RSP = 0x8020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_MOVE_RSP = 0x8021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int C_ECHO_RSP = 0x8030;
    public static final int C_CANCEL_RQ = 0x0FFF;

    public static final int PRIORITY_MEDIUM = 0x0000;
    public static final int PRIORITY_HIGH = 0x0001;
    public static final int PRIORITY_LOW = 0x0002;

    /** Command Data Set Type (0000,0800): no data set follows. Any other value means one does. */
    public static final int NO_DATA_SET = 0x0101;
    public static final int DATA_SET_PRESENT = 0x0000;

    /** A command set longer than this is refused: real ones are a few hundred bytes. */
    static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private Dimse() {}

    public static int commandField(Attributes command) {
        return command.getInt(Tag.CommandField, -1);
    }

    public static boolean hasDataSet(Attributes command) {
        return command.getInt(Tag.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    /** A request: command field, message id, affected SOP class, data set or not. */
    public static Attributes request(int commandField, int messageId, String sopClassUid, boolean dataSet) {
        Attributes cmd = new Attributes(10);
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClassUid);
        cmd.setInt(Tag.CommandField, VR.US, commandField);
        cmd.setInt(Tag.MessageID, VR.US, messageId);
        cmd.setInt(Tag.CommandDataSetType, VR.US, dataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        return cmd;
    }

    /** The response to {@code request}: its SOP class (and instance, for C-STORE) and message id echoed. */
    public static Attributes response(Attributes request, Status status, boolean dataSet) {
        Attributes cmd = new Attributes(12);
        String sopClass = request.getString(Tag.AffectedSOPClassUID);
        if (sopClass != null) {
            cmd.setString(Tag.AffectedSOPClassUID, VR.UI, sopClass);
        }
        cmd.setInt(Tag.CommandField, VR.US, commandField(request) | 0x8000);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, request.getInt(Tag.MessageID, 0));
        cmd.setInt(Tag.CommandDataSetType, VR.US, dataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        cmd.setInt(Tag.Status, VR.US, status.code());
        String instance = request.getString(Tag.AffectedSOPInstanceUID);
        if (instance != null) {
            cmd.setString(Tag.AffectedSOPInstanceUID, VR.UI, instance);
        }
        if (status.errorComment() != null && !status.errorComment().isEmpty()) {
            // command sets have no Specific Character Set: LO in the default repertoire, no backslash
            String c = status.errorComment().replaceAll("[^\\x20-\\x5B\\x5D-\\x7E]", "?");
            cmd.setString(Tag.ErrorComment, VR.LO, c.length() > 64 ? c.substring(0, 64) : c);
        }
        if (!status.offendingElements().isEmpty()) {
            cmd.setInt(Tag.OffendingElement, VR.AT, status.offendingElements().stream().mapToInt(Integer::intValue).toArray());
        }
        return cmd;
    }

    /** The status of a response command. */
    public static Status status(Attributes response) {
        return new Status(response.getInt(Tag.Status, -1), response.getString(Tag.ErrorComment),
                Arrays.stream(response.getInts(Tag.OffendingElement)).boxed().toList());
    }

    /** Encodes a command set, computing Command Group Length (PS3.7 E.1). */
    public static byte[] encode(Attributes command) throws IOException {
        Attributes body = new Attributes(command.size());
        for (int i = 0; i < command.size(); i++) {
            if (command.tagAt(i) != Tag.CommandGroupLength) {
                body.setValue(command.tagAt(i), command.vrAt(i), command.valueAt(i));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(new byte[12]);
        try {
            new DicomWriter().writeDataset(out, body, UID.ImplicitVRLittleEndian);
        } catch (DicomException e) {
            throw new IOException("cannot encode command: " + e.getMessage(), e);
        }
        byte[] b = out.toByteArray();
        int groupLength = b.length - 12;
        byte[] header = {0, 0, 0, 0, 4, 0, 0, 0, (byte) groupLength, (byte) (groupLength >> 8),
            (byte) (groupLength >> 16), (byte) (groupLength >> 24)};
        System.arraycopy(header, 0, b, 0, 12);
        return b;
    }

    /** Decodes a command set from its stream; more than {@link #MAX_COMMAND_LENGTH} bytes is a protocol error. */
    public static Attributes decode(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_COMMAND_LENGTH + 1);
        if (b.length > MAX_COMMAND_LENGTH) {
            throw new PduException("command set longer than " + MAX_COMMAND_LENGTH + " bytes",
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        try {
            Attributes cmd = new DicomReader(DicomReader.Options.IN_MEMORY)
                    .readDataset(new ByteArrayInputStream(b), UID.ImplicitVRLittleEndian);
            if (commandField(cmd) < 0) {
                throw new PduException("command set without Command Field", AAbort.INVALID_PDU_PARAMETER_VALUE);
            }
            return cmd;
        } catch (DicomException e) {
            throw new PduException("malformed command set: " + e.getMessage(), AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }
}
