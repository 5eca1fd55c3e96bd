package org.consilium.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes PDUs (PS3.8 9.3), each in one write to the socket stream. P-DATA goes through
 * {@link #writePData(byte[], int, int, boolean, boolean)} so that a PDV is sent from the caller's buffer
 * without a copy.
 *
 * <pre>{@code
 * PduWriter writer = new PduWriter(socket.getOutputStream());
 * writer.write(new AReleaseRq());
 * }</pre>
 */
public final class PduWriter {

    /** Bytes in front of the PDV value: PDU header (6) and PDV item header (6). */
    public static final int PDATA_HEADER = 12;

    private final OutputStream out;

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    public void write(Pdu pdu) throws IOException {
        switch (pdu) {
            case AAssociateRq rq -> writeAssociate(Pdu.A_ASSOCIATE_RQ, rq.calledAe(), rq.callingAe(),
                    rq.applicationContext(), rq.contexts(), rq.userInformation());
            case AAssociateAc ac -> writeAssociate(Pdu.A_ASSOCIATE_AC, ac.calledAe(), ac.callingAe(),
                    ac.applicationContext(), ac.contexts(), ac.userInformation());
            case AAssociateRj rj -> writeFixed(Pdu.A_ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reason());
            case AReleaseRq rq -> writeFixed(Pdu.A_RELEASE_RQ, 0, 0, 0, 0);
            case AReleaseRp rp -> writeFixed(Pdu.A_RELEASE_RP, 0, 0, 0, 0);
            case AAbort a -> writeFixed(Pdu.A_ABORT, 0, 0, a.source(), a.reason());
            case PDataTf p -> {
                writeHeader(Pdu.P_DATA_TF, p.length());
                out.write(p.buffer(), 0, p.length());
                out.flush();
            }
        }
    }

    /**
     * Sends one P-DATA-TF with one PDV. {@code buf} holds the value at {@link #PDATA_HEADER}; the first 12
     * bytes are overwritten with the headers.
     */
    public void writePData(byte[] buf, int valueLength, int contextId, boolean command, boolean last)
            throws IOException {
        int pdvLength = valueLength + 2;
        putHeader(buf, 0, Pdu.P_DATA_TF, pdvLength + 4);
        putInt(buf, 6, pdvLength);
        buf[10] = (byte) contextId;
        buf[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0)); // PS3.8 E.2 message control header
        out.write(buf, 0, PDATA_HEADER + valueLength);
        out.flush();
    }

    private void writeFixed(int type, int b0, int b1, int b2, int b3) throws IOException {
        byte[] b = new byte[10];
        putHeader(b, 0, type, 4);
        b[6] = (byte) b0;
        b[7] = (byte) b1;
        b[8] = (byte) b2;
        b[9] = (byte) b3;
        out.write(b);
        out.flush();
    }

    private void writeHeader(int type, int length) throws IOException {
        byte[] b = new byte[6];
        putHeader(b, 0, type, length);
        out.write(b);
    }

    private void writeAssociate(int type, String called, String calling, String appContext,
            List<PresentationContext> contexts, UserInformation user) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        DataOutputStream d = new DataOutputStream(body);
        d.writeShort(1); // protocol version
        d.writeShort(0);
        d.write(aeTitle(called));
        d.write(aeTitle(calling));
        d.write(new byte[32]);
        item(d, 0x10, ascii(appContext));
        for (PresentationContext pc : contexts) {
            ByteArrayOutputStream ctx = new ByteArrayOutputStream(128);
            ctx.write(pc.id());
            ctx.write(0);
            ctx.write(type == Pdu.A_ASSOCIATE_RQ ? 0 : pc.result());
            ctx.write(0);
            DataOutputStream c = new DataOutputStream(ctx);
            if (type == Pdu.A_ASSOCIATE_RQ) {
                item(c, 0x30, ascii(pc.abstractSyntax()));
            }
            for (String ts : pc.transferSyntaxes()) {
                item(c, 0x40, ascii(ts));
            }
            if (type == Pdu.A_ASSOCIATE_AC && pc.transferSyntaxes().isEmpty()) {
                item(c, 0x40, new byte[0]); // PS3.8 9.3.3.2: present but not significant when rejected
            }
            item(d, type == Pdu.A_ASSOCIATE_RQ ? 0x20 : 0x21, ctx.toByteArray());
        }
        item(d, 0x50, userInformation(user));
        writeHeader(type, body.size());
        body.writeTo(out);
        out.flush();
    }

    private static byte[] userInformation(UserInformation user) throws IOException {
        ByteArrayOutputStream ui = new ByteArrayOutputStream(128);
        DataOutputStream u = new DataOutputStream(ui);
        byte[] max = new byte[4];
        putInt(max, 0, (int) user.maxPduLength());
        item(u, 0x51, max);
        item(u, 0x52, ascii(user.implementationClassUid()));
        for (UserInformation.RoleSelection role : user.roleSelections()) {
            byte[] uid = ascii(role.sopClassUid());
            byte[] r = new byte[uid.length + 4];
            r[0] = (byte) (uid.length >> 8);
            r[1] = (byte) uid.length;
            System.arraycopy(uid, 0, r, 2, uid.length);
            r[uid.length + 2] = (byte) (role.scu() ? 1 : 0);
            r[uid.length + 3] = (byte) (role.scp() ? 1 : 0);
            item(u, 0x54, r);
        }
        if (user.implementationVersionName() != null) {
            item(u, 0x55, ascii(user.implementationVersionName()));
        }
        return ui.toByteArray();
    }

    private static void item(DataOutputStream d, int type, byte[] value) throws IOException {
        d.write(type);
        d.write(0);
        d.writeShort(value.length);
        d.write(value);
    }

    private static byte[] aeTitle(String ae) {
        byte[] b = "                ".getBytes(StandardCharsets.US_ASCII);
        byte[] a = ascii(ae);
        System.arraycopy(a, 0, b, 0, Math.min(16, a.length));
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void putHeader(byte[] b, int off, int type, int length) {
        b[off] = (byte) type;
        b[off + 1] = 0;
        putInt(b, off + 2, length);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
