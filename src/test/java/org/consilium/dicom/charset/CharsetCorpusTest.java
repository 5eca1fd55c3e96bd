package org.consilium.dicom.charset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.consilium.dicom.ExternalTools;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.io.DicomReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Decoded names of pydicom's charset_files. The expected Unicode was printed by pydicom 2.3.1 (Debian
 * python3-pydicom, {@code str(ds.PatientName)}) when this test was written, and hard-coded here.
 */
class CharsetCorpusTest {

    @BeforeAll
    static void corpus() {
        ExternalTools.requirePydicom();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chrX1.dcm      | Wang^XiaoDong=王^小東
            chrX2.dcm      | Wang^XiaoDong=王^小东
            chrH31.dcm     | Yamada^Tarou=山田^太郎=やまだ^たろう
            chrH32.dcm     | ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう
            chrI2.dcm      | Hong^Gildong=洪^吉洞=홍^길동
            chrJapMulti.dcm | やまだ^たろう
            chrJapMultiExplicitIR6.dcm | やまだ^たろう
            chrKoreanMulti.dcm | 김희중
            chrFren.dcm    | Buc^Jérôme
            chrGerm.dcm    | Äneas^Rüdiger
            chrGreek.dcm   | Διονυσιος
            chrRuss.dcm    | Люкceмбypг
            chrArab.dcm    | قباني^لنزار
            chrHbrw.dcm    | שרון^דבורה
            """)
    void decodesPatientName(String file, String expected) throws Exception {
        Attributes ds = read(file);
        assertEquals(expected, ds.getPersonName(Tag.PatientName).toString());
    }

    @Test
    void decodesMultiValuedPnAndLtInCodeExtensions() throws Exception {
        Attributes jap = read("chrJapMulti.dcm");
        assertArrayEquals(new String[] {"やまだ^たろう", "やまだ^たろう"}, jap.getStrings(Tag.OtherPatientNames));
        assertEquals("たろう", jap.getString(Tag.AdditionalPatientHistory));
        Attributes kor = read("chrKoreanMulti.dcm");
        assertEquals("김희중", kor.getString(Tag.OperatorsName));
        assertEquals("김희중", kor.getString(Tag.AdditionalPatientHistory));
        assertEquals("홍", read("chrI2.dcm").getPersonName(Tag.PatientName).phonetic().family());
    }

    @ParameterizedTest
    @CsvSource({"chrSQEncoding.dcm", "chrSQEncoding1.dcm"})
    void sequenceItemsOverrideTheInheritedCharacterSet(String file) throws Exception {
        Attributes ds = read(file);
        Attributes item = ds.getSequence(Tag.RequestedProcedureCodeSequence).get(0);
        assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", item.getString(Tag.PatientName));
        assertEquals("ISO 2022 IR 13\\ISO 2022 IR 87", item.specificCharacterSet().toString());
        assertEquals("Doctor^Who^^MD", ds.getString(Tag.RequestingPhysician));
    }

    @Test
    void reencodingCodeExtensionNamesGivesTheFileBytes() throws Exception {
        for (String file : new String[] {"chrH31.dcm", "chrI2.dcm", "chrKoreanMulti.dcm"}) {
            Attributes ds = read(file);
            byte[] raw = ds.getBytes(Tag.PatientName);
            String decoded = ds.specificCharacterSet().decode(raw, 0, raw.length, true);
            byte[] again = ds.specificCharacterSet().encode(decoded, true);
            assertEquals(decoded, ds.specificCharacterSet().decode(again, 0, again.length, true), file);
        }
    }

    private static Attributes read(String file) throws Exception {
        Path p = ExternalTools.PYDICOM_DATA.resolve("charset_files").resolve(file);
        return new DicomReader().readFile(p).dataset();
    }
}
