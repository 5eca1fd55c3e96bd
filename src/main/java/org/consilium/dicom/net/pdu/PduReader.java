package org.consilium.dicom.net.pdu;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PDUs (PS3.8 9.3) from a stream. Lengths are checked before anything is allocated: a P-DATA-TF may
 * not exceed the maximum this side announced, an association PDU not {@link #MAX_ASSOCIATE_LENGTH}; anything
 * malformed raises {@link PduException} with the A-ABORT reason to send.
 *
 * <pre>{@code
 * PduReader reader = new PduReader(socket.getInputStream(), 65536);
 * if (reader.read() instanceof AAssociateRq rq) { ... }
 * }</pre>
 */
public final class PduReader {

    /** Upper bound for A-ASSOCIATE-RQ/AC; 128 contexts with a few transfer syntaxes each need about 40 KiB. */
    public static final int MAX_ASSOCIATE_LENGTH = 256 * 1024;

    private final DataInputStream in;
    private final long maxPDataLength;
    private byte[] pdata = new byte[0];

    /** @param maxPDataLength the Maximum Length this side announced; 0 means no limit of its own (16 MiB cap) */
    public PduReader(InputStream in, long maxPDataLength) {
        this.in = new DataInputStream(in);
        this.maxPDataLength = maxPDataLength == 0 ? 16 << 20 : maxPDataLength;
    }

    /** The next PDU; {@link EOFException} if the stream ends, even cleanly between PDUs. */
    public Pdu read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by peer");
        }
        in.readUnsignedByte();
        long length = in.readInt() & 0xFFFFFFFFL;
        return switch (type) {
            case Pdu.A_ASSOCIATE_RQ, Pdu.A_ASSOCIATE_AC -> readAssociate(type, length);
            case Pdu.A_ASSOCIATE_RJ -> {
                byte[] b = fixed(type, length);
                yield new AAssociateRj(b[1] & 0xFF, b[2] & 0xFF, b[3] & 0xFF);
            }
            case Pdu.P_DATA_TF -> readPData(length);
            case Pdu.A_RELEASE_RQ -> {
                fixed(type, length);
                yield new AReleaseRq();
            }
            case Pdu.A_RELEASE_RP -> {
                fixed(type, length);
                yield new AReleaseRp();
            }
            case Pdu.A_ABORT -> {
                byte[] b = fixed(type, length);
                yield new AAbort(b[2] & 0xFF, b[3] & 0xFF);
            }
            default -> throw new PduException(String.format("unrecognized PDU type 0x%02X", type), AAbort.UNRECOGNIZED_PDU);
        };
    }

    private byte[] fixed(int type, long length) throws IOException {
        if (length != 4) {
            throw new PduException("PDU type " + type + " with length " + length + ", expected 4",
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] b = new byte[4];
        in.readFully(b);
        return b;
    }

    private PDataTf readPData(long length) throws IOException {
        if (length > maxPDataLength || length < 6) {
            throw new PduException("P-DATA-TF length " + length + " outside 6.." + maxPDataLength,
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        int n = (int) length;
        if (pdata.length < n) {
            pdata = new byte[n];
        }
        in.readFully(pdata, 0, n);
        for (int pos = 0; pos < n; ) { // PS3.8 9.3.5.1: item length counts pcid, header and value
            long itemLength = ByteBuffer.wrap(pdata, pos, 4).getInt() & 0xFFFFFFFFL;
            if (itemLength < 2 || pos + 4 + itemLength > n) {
                throw new PduException("PDV item length " + itemLength + " at " + pos + " overruns the PDU",
                        AAbort.INVALID_PDU_PARAMETER_VALUE);
            }
            pos += 4 + (int) itemLength;
        }
        return new PDataTf(pdata, n);
    }

    private Pdu readAssociate(int type, long length) throws IOException {
        if (length > MAX_ASSOCIATE_LENGTH || length < 68) {
            throw new PduException("A-ASSOCIATE length " + length + " outside 68.." + MAX_ASSOCIATE_LENGTH,
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] body = new byte[(int) length];
        in.readFully(body);
        try {
            return parseAssociate(type, ByteBuffer.wrap(body));
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new PduException("malformed A-ASSOCIATE item: " + e, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private static Pdu parseAssociate(int type, ByteBuffer b) throws PduException {
        int version = b.getShort() & 0xFFFF;
        if ((version & 1) == 0) {
            throw new PduException("protocol version " + version + " lacks bit 0", AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        b.getShort();
        String called = ascii(b, 16).trim();
        String calling = ascii(b, 16).trim();
        b.position(b.position() + 32);
        String appContext = null;
        List<PresentationContext> contexts = new ArrayList<>();
        UserInformation user = null;
        while (b.hasRemaining()) {
            int itemType = b.get() & 0xFF;
            b.get();
            ByteBuffer item = slice(b, b.getShort() & 0xFFFF);
            switch (itemType) {
                case 0x10 -> appContext = ascii(item, item.remaining()).trim();
                case 0x20, 0x21 -> contexts.add(parseContext(item, itemType == 0x21));
                case 0x50 -> user = parseUserInformation(item);
                default -> { } // PS3.8 9.3.1: unknown items are ignored
            }
        }
        if (appContext == null || user == null) {
            throw new PduException("A-ASSOCIATE without application context or user information",
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
        return type == Pdu.A_ASSOCIATE_RQ ? new AAssociateRq(called, calling, appContext, contexts, user)
                : new AAssociateAc(called, calling, appContext, contexts, user);
    }

    private static PresentationContext parseContext(ByteBuffer item, boolean answer) {
        int id = item.get() & 0xFF;
        item.get();
        int result = item.get() & 0xFF;
        item.get();
        String abstractSyntax = null;
        List<String> ts = new ArrayList<>();
        while (item.hasRemaining()) {
            int subType = item.get() & 0xFF;
            item.get();
            ByteBuffer sub = slice(item, item.getShort() & 0xFFFF);
            String uid = uid(sub);
            if (subType == 0x30) {
                abstractSyntax = uid;
            } else if (subType == 0x40) {
                ts.add(uid);
            }
        }
        return new PresentationContext(id, abstractSyntax, ts, answer ? result : PresentationContext.ACCEPTANCE);
    }

    private static UserInformation parseUserInformation(ByteBuffer item) {
        long maxLength = 0;
        String classUid = null;
        String version = null;
        List<UserInformation.RoleSelection> roles = new ArrayList<>();
        while (item.hasRemaining()) {
            int subType = item.get() & 0xFF;
            item.get();
            ByteBuffer sub = slice(item, item.getShort() & 0xFFFF);
            switch (subType) {
                case 0x51 -> maxLength = sub.getInt() & 0xFFFFFFFFL;
                case 0x52 -> classUid = uid(sub);
                case 0x55 -> version = ascii(sub, sub.remaining()).trim();
                case 0x54 -> {
                    String sopClass = uid(slice(sub, sub.getShort() & 0xFFFF));
                    roles.add(new UserInformation.RoleSelection(sopClass, sub.get() != 0, sub.get() != 0));
                }
                default -> { } // async window, extended negotiation, user identity: not used
            }
        }
        return new UserInformation(maxLength, classUid, version, roles);
    }

    private static ByteBuffer slice(ByteBuffer b, int length) {
        ByteBuffer s = b.slice(b.position(), length); // throws IndexOutOfBounds if the item overruns
        b.position(b.position() + length);
        return s;
    }

    private static String ascii(ByteBuffer b, int length) {
        byte[] s = new byte[length];
        b.get(s);
        return new String(s, StandardCharsets.US_ASCII);
    }

    /** UIDs may be padded with NUL (PS3.8 9.3.2.2.1) or, wrongly, with a space. */
    private static String uid(ByteBuffer b) {
        String s = ascii(b, b.remaining());
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 0 || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(0, end);
    }
}
