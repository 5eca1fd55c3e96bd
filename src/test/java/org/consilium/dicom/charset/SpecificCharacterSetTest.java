package org.consilium.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {

    /** PS3.5 Annex K.2 example 1: Chinese in GB 2312 through ISO 2022 IR 58, escapes repeated after '^'. */
    private static final byte[] ANNEX_K2 = bytes("Zhang^XiaoDong=\u001b$)A", 0xD5, 0xC5, '^', 0x1B, '$', ')', 'A',
            0xD0, 0xA1, 0xB6, 0xAB, '=');

    @Test
    void decodesAndEncodesIso2022Ir58AsPs35AnnexK() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
        assertEquals("Zhang^XiaoDong=张^小东=", cs.decode(ANNEX_K2, 0, ANNEX_K2.length, true));
        // pydicom 2.3.1 writes this without the escape sequences; the standard's example has them
        assertArrayEquals(ANNEX_K2, cs.encode("Zhang^XiaoDong=张^小东=", true));
    }

    @Test
    void encodesJapaneseAndKoreanAsPydicomDoes() {
        // expected bytes printed by pydicom 2.3.1 PersonName.encode() at test-writing time
        byte[] japanese = bytes("Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B=\u001b$B$d$^$@\u001b(B^\u001b$B$?$m$&\u001b(B");
        byte[] korean = bytes("Hong^Gildong=\u001b$)C", 0xFB, 0xF3, '^', 0x1B, '$', ')', 'C', 0xD1, 0xCE, 0xD4, 0xD7,
                '=', 0x1B, '$', ')', 'C', 0xC8, 0xAB, '^', 0x1B, '$', ')', 'C', 0xB1, 0xE6, 0xB5, 0xBF);
        SpecificCharacterSet jis = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        SpecificCharacterSet ks = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        assertArrayEquals(japanese, jis.encode("Yamada^Tarou=山田^太郎=やまだ^たろう", true));
        assertArrayEquals(korean, ks.encode("Hong^Gildong=洪^吉洞=홍^길동", true));
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", ks.decode(korean, 0, korean.length, true));
    }

    @Test
    void readsGbkAsGb18030AndRepairsMisspelledTerms() {
        byte[] wang = {(byte) 0xCD, (byte) 0xF5, (byte) 0xD0, (byte) 0xA1, (byte) 0xB6, (byte) 0xAB};
        assertEquals("王小东", SpecificCharacterSet.of("GBK").decode(wang));
        assertEquals("王小东", SpecificCharacterSet.of("GB18030").decode(wang));
        assertArrayEquals(wang, SpecificCharacterSet.of("GBK").encode("王小东", false));
        assertEquals("ISO_IR 192", SpecificCharacterSet.of("iso_ir192 ").terms()[0]);
        assertEquals("ISO_IR 100", SpecificCharacterSet.of("ISO-IR 100").terms()[0]);
        assertEquals("Müller", SpecificCharacterSet.of("ISO_IR_192").decode("Müller".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gb18030FollowsTheJdkMappingThatIsDocumented() {
        // GB18030-2022 maps A6D9 to U+FE10; the 2000/2005 tables to the private-use U+E78D.
        // docs/dicom-toolkit.md: we use the JDK default (2022 on JDK 21+), -Djdk.charset.GB18030=2000 restores 2000.
        String expected = "2000".equals(System.getProperty("jdk.charset.GB18030")) ? "2000" : "2022";
        assertEquals(expected, SpecificCharacterSet.GB18030_MAPPING);
        String a6d9 = SpecificCharacterSet.of("GB18030").decode(new byte[] {(byte) 0xA6, (byte) 0xD9});
        assertEquals(expected.equals("2022") ? 0xFE10 : 0xE78D, a6d9.codePointAt(0));
    }

    @Test
    void defaultRepertoireReadsLatin1LenientlyButWritesOnlyAscii() {
        assertEquals("café", SpecificCharacterSet.DEFAULT.decode("café".getBytes(StandardCharsets.ISO_8859_1)));
        assertThrows(IllegalArgumentException.class, () -> SpecificCharacterSet.DEFAULT.encode("café", false));
        assertThrows(IllegalArgumentException.class, () -> SpecificCharacterSet.of("", "ISO 2022 IR 87").encode("한", true));
    }

    @Test
    void multiByteG0BytesThatLookLikeDelimitersDoNotResetTheState() {
        // In JIS X 0208, 宗 is 3D 21, 棔 is 5C 21, 沺 is 5E 21 and 移 is 30 5C: '=', '\\', '^' as bytes
        SpecificCharacterSet jis = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        String s = "A^宗棔=沺移";
        byte[] encoded = jis.encode(s, true);
        assertArrayEquals(bytes("A^\u001b$B=!\\!\u001b(B=\u001b$B^!0\\\u001b(B"), encoded);
        assertEquals(s, jis.decode(encoded, 0, encoded.length, true));
        assertEquals(s, org.consilium.dicom.data.PersonName.parse(s).toString());
    }

    private static byte[] bytes(String ascii, int... more) {
        byte[] a = ascii.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        for (int i = 0; i < more.length; i++) {
            out[a.length + i] = (byte) more[i];
        }
        return out;
    }
}
