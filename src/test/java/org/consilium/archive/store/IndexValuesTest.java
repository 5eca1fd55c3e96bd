package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.consilium.archive.IngestException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexValuesTest {

    @ParameterizedTest
    @CsvSource({"1997.04.24,19970424", "1997-04-24,19970424", "1997/04/24,19970424", "' 19970424 ',19970424"})
    void legacyDatesAreIndexedInTheStandardForm(String sent, String indexed) {
        IndexValues v = values(Tag.StudyDate, VR.DA, sent);
        assertEquals(indexed, v.date(Tag.StudyDate));
    }

    @Test
    void aStandardDateIsNoCoercion() {
        IndexValues v = values(Tag.StudyDate, VR.DA, "19970424");
        assertEquals("19970424", v.date(Tag.StudyDate));
        assertEquals(List.of(), v.coercions());
    }

    @Test
    void aLegacyDateIsReportedOnceWithWhatWasSentAndIndexed() {
        IndexValues v = values(Tag.StudyDate, VR.DA, "1997.04.24");
        v.date(Tag.StudyDate);
        assertEquals(List.of(new Coercion(Tag.StudyDate, "1997.04.24", "19970424", "date in a legacy form")),
                v.coercions());
        assertTrue(v.coercions().get(0).describe().startsWith("StudyDate (0008,0020)"), v.coercions().get(0).describe());
    }

    @ParameterizedTest
    @CsvSource({"19970230", "00000000", "unknown", "1997.4.24", "199704241"})
    void whatIsNoCalendarDateIsIndexedAsAbsent(String sent) {
        IndexValues v = values(Tag.PatientBirthDate, VR.DA, sent);
        assertNull(v.date(Tag.PatientBirthDate));
        assertEquals(1, v.coercions().size());
        assertNull(v.coercions().get(0).indexed());
    }

    @ParameterizedTest
    @CsvSource({"1997.04.24,19970424", "19970424,19970424", "' 1997-04-24',19970424", "yesterday,yesterday"})
    void aQuerysDateIsMatchedInTheIndexsForm(String asked, String matched) {
        assertEquals(matched, IndexValues.matchableDate(asked));
    }

    @ParameterizedTest
    @CsvSource({"14:04:38,140438", "14:04,1404", "14:04:38.123456789,140438.123456", "140438.5+0800,140438.5",
            "140438Z,140438", "14,14", "140438.123456,140438.123456"})
    void timesAreIndexedAsHhmmssWithAtMostMicroseconds(String sent, String indexed) {
        assertEquals(indexed, values(Tag.StudyTime, VR.TM, sent).time(Tag.StudyTime));
    }

    @ParameterizedTest
    @CsvSource({"25:00:00", "1261", "noon"})
    void whatIsNoTimeOfDayIsIndexedAsAbsent(String sent) {
        assertNull(values(Tag.StudyTime, VR.TM, sent).time(Tag.StudyTime));
    }

    @Test
    void anOverlongValueIsCutOnlyToItsColumnAndCountsCodePoints() {
        String description = "胸部".repeat(150); // 300 characters, 200 fit
        IndexValues v = values(Tag.StudyDescription, VR.LO, description);
        assertEquals("胸部".repeat(100), v.text(Tag.StudyDescription, 200));
        assertEquals(description, v.coercions().get(0).sent());
        String emoji = "😀".repeat(20);
        assertEquals("😀".repeat(16), values(Tag.StudyID, VR.SH, emoji).text(Tag.StudyID, 16));
    }

    @Test
    void nulIsDroppedBecauseTheDatabaseCannotHoldIt() {
        assertEquals("AB", values(Tag.PatientID, VR.LO, "A\u0000B").text(Tag.PatientID, 64));
    }

    @ParameterizedTest
    @CsvSource({"1A", "99999999999", "1.5"})
    void integersThatDoNotParseAreIndexedAsAbsent(String sent) {
        IndexValues v = values(Tag.NumberOfFrames, VR.IS, sent);
        assertNull(v.integer(Tag.NumberOfFrames));
        assertEquals(Tag.NumberOfFrames, v.coercions().get(0).tag());
    }

    @Test
    void aMissingUidRefusesWithItsNameAndTag() {
        IngestException e = assertThrows(IngestException.class,
                () -> new IndexValues(new Attributes()).requiredUid(Tag.StudyInstanceUID, "StudyInstanceUID"));
        assertEquals(IngestException.Reason.MISSING_ATTRIBUTE, e.reason());
        assertEquals(Tag.StudyInstanceUID, e.tag());
        assertEquals("(0020,000D): StudyInstanceUID is missing", e.errorComment());
    }

    private static IndexValues values(int tag, VR vr, String value) {
        Attributes ds = new Attributes();
        ds.setString(tag, vr, value);
        return new IndexValues(ds);
    }
}
