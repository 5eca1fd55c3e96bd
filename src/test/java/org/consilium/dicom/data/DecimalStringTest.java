package org.consilium.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;

/** DS values read from their bytes give what parsing the split, trimmed text with Double.parseDouble gives. */
class DecimalStringTest {

    private static final int TAG = 0x30060050; // Contour Data

    private static double[] fromBytes(String text) {
        return TextValues.parseDecimals(TAG, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static double[] fromText(String text) {
        return TextValues.parseDoubles(TAG, TextValues.split(text, VR.DS));
    }

    private static void same(String text) {
        double[] expected = fromText(text);
        double[] actual = fromBytes(text);
        assertEquals(expected.length, actual.length, text);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    text + " value " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    @Test
    void plainDecimalsSignsPaddingAndEmptyValuesAreReadAsDoubleParseDoubleReadsThem() {
        for (String text : new String[] {"-72.3456\\10\\0.5 ", " 1.25\\ -3 \\+7.0", "5.\\.5\\-0\\0", "007.500",
                "1e3\\-2.5E-4\\1.0000000000000002", "123456789012345\\1234567890123456\\0.000000000000001",
                "\\\\", "12\\\\3", "  ", "", "99999999.99999\0"}) {
            same(text);
        }
    }

    @Test
    void randomCoordinatesAsPlanningSystemsWriteThemAreBitForBitTheSame() {
        Random random = new Random(21);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextDouble() - 0.5) * 1000;
            String one = switch (i % 4) {
                case 0 -> String.format(Locale.ROOT, "%.2f", v);
                case 1 -> String.format(Locale.ROOT, "%.6f", v);
                case 2 -> Double.toString(v).length() <= 16 ? Double.toString(v) : String.format(Locale.ROOT, "%.10f", v);
                default -> String.format(Locale.ROOT, "%.12f", v / 100);
            };
            text.append(i == 0 ? "" : "\\").append(one);
        }
        same(text.toString());
        assertEquals(20_000, fromBytes(text.toString()).length);
    }

    @Test
    void notANumberIsRefusedNamingTheAttribute() {
        var e = assertThrows(NumberFormatException.class, () -> fromBytes("1.5\\abc"));
        assertEquals("not a number in (3006,0050): \"abc\"", e.getMessage());
        assertArrayEquals(new double[0], fromBytes(" "));
    }
}
