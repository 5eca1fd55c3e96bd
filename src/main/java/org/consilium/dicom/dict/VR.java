package org.consilium.dicom.dict;

/** Value Representations of PS3.5 6.2, with what the encoder needs to know about each. */
public enum VR {
    AE(Kind.TEXT, 1, ' ', false, true),
    AS(Kind.TEXT, 1, ' ', false, true),
    AT(Kind.BINARY, 2, 0, false, false),
    CS(Kind.TEXT, 1, ' ', false, true),
    DA(Kind.TEXT, 1, ' ', false, true),
    DS(Kind.TEXT, 1, ' ', false, true),
    DT(Kind.TEXT, 1, ' ', false, true),
    FD(Kind.BINARY, 8, 0, false, false),
    FL(Kind.BINARY, 4, 0, false, false),
    IS(Kind.TEXT, 1, ' ', false, true),
    LO(Kind.TEXT, 1, ' ', true, true),
    LT(Kind.TEXT, 1, ' ', true, false),
    OB(Kind.BINARY, 1, 0, false, false),
    OD(Kind.BINARY, 8, 0, false, false),
    OF(Kind.BINARY, 4, 0, false, false),
    OL(Kind.BINARY, 4, 0, false, false),
    OV(Kind.BINARY, 8, 0, false, false),
    OW(Kind.BINARY, 2, 0, false, false),
    PN(Kind.TEXT, 1, ' ', true, true),
    SH(Kind.TEXT, 1, ' ', true, true),
    SL(Kind.BINARY, 4, 0, false, false),
    SQ(Kind.SEQUENCE, 1, 0, false, false),
    SS(Kind.BINARY, 2, 0, false, false),
    ST(Kind.TEXT, 1, ' ', true, false),
    SV(Kind.BINARY, 8, 0, false, false),
    TM(Kind.TEXT, 1, ' ', false, true),
    UC(Kind.TEXT, 1, ' ', true, true),
    UI(Kind.TEXT, 1, 0, false, true),
    UL(Kind.BINARY, 4, 0, false, false),
    UN(Kind.BINARY, 1, 0, false, false),
    UR(Kind.TEXT, 1, ' ', false, false),
    US(Kind.BINARY, 2, 0, false, false),
    UT(Kind.TEXT, 1, ' ', true, false),
    UV(Kind.BINARY, 8, 0, false, false);

    /** How a value of this VR is held. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code()] = vr;
        }
    }

    private final Kind kind;
    private final int unitSize;
    private final byte padding;
    private final boolean usesSpecificCharacterSet;
    private final boolean multiValued;

    VR(Kind kind, int unitSize, int padding, boolean usesSpecificCharacterSet, boolean multiValued) {
        this.kind = kind;
        this.unitSize = unitSize;
        this.padding = (byte) padding;
        this.usesSpecificCharacterSet = usesSpecificCharacterSet;
        this.multiValued = multiValued;
    }

    /** The VR for its two-character code as written in explicit VR, or null if the code is not a VR. */
    public static VR of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** The two ASCII characters of the VR as a big-endian 16-bit number, as they appear in the stream. */
    public int code() {
        return (name().charAt(0) << 8) | name().charAt(1);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** Byte size of one number, used to swap byte order (AT swaps as two US); 1 for bytes and text. */
    public int unitSize() {
        return unitSize;
    }

    /** PS3.5 6.2: UI pads with NUL, other text with a space, binary with 00. */
    public byte paddingByte() {
        return padding;
    }

    /** Affected by Specific Character Set (0008,0005) (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return usesSpecificCharacterSet;
    }

    /** Text whose values are separated by a backslash; LT, ST, UT and UR hold a single value. */
    public boolean isMultiValuedText() {
        return multiValued;
    }

    /** PS3.5 7.1.2: these VRs have a reserved field and a 32-bit length in explicit VR. */
    public boolean hasLongExplicitHeader() {
        return switch (this) {
            case OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV -> true;
            default -> false;
        };
    }

    /** Length of the element header in explicit VR: 8 or 12 bytes. */
    public int explicitHeaderLength() {
        return hasLongExplicitHeader() ? 12 : 8;
    }
}
