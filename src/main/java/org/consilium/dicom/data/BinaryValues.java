package org.consilium.dicom.data;

import org.consilium.dicom.dict.VR;

/** Little-endian codecs for the binary VRs, as held in {@link Attributes}. */
public final class BinaryValues {

    private BinaryValues() {}

    static int count(VR vr, byte[] b) {
        return b.length / numberSize(vr);
    }

    /** Size of one value; AT is one 4-byte tag. */
    static int numberSize(VR vr) {
        return vr == VR.AT ? 4 : vr.unitSize();
    }

    static long longAt(VR vr, byte[] b, int index) {
        int o = index * numberSize(vr);
        return switch (vr) {
            case US, OW -> u16(b, o);
            case SS -> (short) u16(b, o);
            case UL, OL -> u32(b, o) & 0xFFFFFFFFL;
            case SL -> u32(b, o);
            case AT -> (u16(b, o) << 16 | u16(b, o + 2)) & 0xFFFFFFFFL;
            case SV, UV, OV -> u32(b, o) & 0xFFFFFFFFL | (long) u32(b, o + 4) << 32;
            case FL, OF -> (long) Float.intBitsToFloat(u32(b, o));
            case FD, OD -> (long) Double.longBitsToDouble(u32(b, o) & 0xFFFFFFFFL | (long) u32(b, o + 4) << 32);
            default -> b[o] & 0xFF;
        };
    }

    static double doubleAt(VR vr, byte[] b, int index) {
        int o = index * numberSize(vr);
        return switch (vr) {
            case FL, OF -> Float.intBitsToFloat(u32(b, o));
            case FD, OD -> Double.longBitsToDouble(u32(b, o) & 0xFFFFFFFFL | (long) u32(b, o + 4) << 32);
            case UV -> unsignedToDouble(longAt(vr, b, index));
            default -> longAt(vr, b, index);
        };
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    static byte[] fromInts(VR vr, int[] values) {
        long[] longs = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            longs[k] = values[k];
        }
        return fromLongs(vr, longs);
    }

    static byte[] fromLongs(VR vr, long[] values) {
        int size = numberSize(vr);
        byte[] b = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            long v = values[i];
            int o = i * size;
            switch (vr) {
                case FL, OF -> put(b, o, Float.floatToIntBits(v), 4);
                case FD, OD -> put(b, o, Double.doubleToLongBits(v), 8);
                case AT -> {
                    put(b, o, v >>> 16, 2);
                    put(b, o + 2, v, 2);
                }
                default -> put(b, o, v, size);
            }
        }
        return b;
    }

    static byte[] fromDoubles(VR vr, double[] values) {
        int size = numberSize(vr);
        byte[] b = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            switch (vr) {
                case FL, OF -> put(b, i * size, Float.floatToIntBits((float) v), 4);
                case FD, OD -> put(b, i * size, Double.doubleToLongBits(v), 8);
                default -> {
                    return fromLongs(vr, java.util.Arrays.stream(values).mapToLong(d -> (long) d).toArray());
                }
            }
        }
        return b;
    }

    /** Reverses the byte order of each number in place (explicit VR big endian on the wire). */
    public static void swap(VR vr, byte[] b, int offset, int length) {
        int size = vr.unitSize();
        for (int o = offset; o + size <= offset + length; o += size) {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                byte t = b[o + i];
                b[o + i] = b[o + j];
                b[o + j] = t;
            }
        }
    }

    private static int u16(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    private static int u32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | (b[o + 3] & 0xFF) << 24;
    }

    private static void put(byte[] b, int o, long v, int size) {
        for (int i = 0; i < size; i++) {
            b[o + i] = (byte) (v >>> (8 * i));
        }
    }
}
