package org.consilium.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void keepsElementsOrderedByTagWhateverTheInsertionOrder() {
        Attributes a = new Attributes();
        a.setString(Tag.PatientName, VR.PN, "Doe^John");
        a.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        a.setInt(Tag.Rows, VR.US, 512);
        a.setString(0xFFFAFFFA, VR.OB, "1"); // sorts last: tags compare unsigned
        List<Integer> tags = new ArrayList<>();
        a.forEach(e -> tags.add(e.tag()));
        assertEquals(List.of(Tag.SOPInstanceUID, Tag.PatientName, Tag.Rows, 0xFFFAFFFA), tags);
        assertTrue(a.remove(Tag.PatientName));
        assertFalse(a.contains(Tag.PatientName));
        assertEquals(3, a.size());
    }

    @Test
    void convertsBetweenTextAndNumbers() {
        Attributes a = new Attributes();
        a.setDouble(Tag.PixelSpacing, VR.DS, 0.976562, 0.5);
        a.setInt(Tag.InstanceNumber, VR.IS, 42);
        a.setInt(Tag.Columns, VR.US, 65535);
        a.setInt(Tag.PixelPaddingValue, VR.SS, -2000);
        a.setFloat(Tag.DoseGridScaling, VR.FL, 1.5f);
        a.setString(Tag.ImagePositionPatient, VR.DS, " -12.5", "3 ", "7.25");
        assertArrayEquals(new double[] {0.976562, 0.5}, a.getDoubles(Tag.PixelSpacing));
        assertEquals(42, a.getInt(Tag.InstanceNumber, -1));
        assertEquals("42", a.getString(Tag.InstanceNumber));
        assertEquals(65535, a.getInt(Tag.Columns, -1));
        assertEquals(-2000, a.getInt(Tag.PixelPaddingValue, 0));
        assertEquals("-2000", a.getString(Tag.PixelPaddingValue));
        assertArrayEquals(new float[] {1.5f}, a.getFloats(Tag.DoseGridScaling));
        assertArrayEquals(new String[] {"-12.5", "3", "7.25"}, a.getStrings(Tag.ImagePositionPatient));
        assertEquals(7, a.getInt(Tag.Rows, 7));
        assertNull(a.getString(Tag.Rows));
        assertEquals(0, a.getStrings(Tag.Rows).length);
    }

    @Test
    void readsDatesTimesAndPersonNames() {
        Attributes a = new Attributes();
        a.setDate(Tag.StudyDate, LocalDate.of(2026, 3, 9));
        a.setString(Tag.StudyTime, VR.TM, "093015.25");
        a.setString(Tag.AcquisitionDateTime, VR.DT, "20260309093015.123456+0800");
        a.setString(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小東=");
        assertEquals("20260309", a.getString(Tag.StudyDate));
        assertEquals(LocalTime.of(9, 30, 15, 250_000_000), a.getTime(Tag.StudyTime));
        assertEquals(LocalDateTime.of(2026, 3, 9, 9, 30, 15, 250_000_000), a.getDateTime(Tag.StudyDate, Tag.StudyTime));
        assertEquals(LocalDateTime.of(2026, 3, 9, 9, 30, 15, 123_456_000), a.getDateTime(Tag.AcquisitionDateTime));
        assertEquals(8 * 3600, a.getOffsetDateTime(Tag.AcquisitionDateTime, java.time.ZoneOffset.UTC).getOffset().getTotalSeconds());
        PersonName pn = a.getPersonName(Tag.PatientName);
        assertEquals("Wang", pn.alphabetic().family());
        assertEquals("小東", pn.ideographic().given());
        assertTrue(pn.phonetic().isEmpty());
        assertEquals("Wang^XiaoDong=王^小東", pn.toString());
    }

    @Test
    void itemsInheritTheSpecificCharacterSetUnlessTheyOverrideIt() {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        Sequence seq = a.newSequence(Tag.OtherPatientIDsSequence);
        Attributes inherited = seq.addItem();
        Attributes own = seq.addItem();
        own.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        byte[] latin1 = "Müller".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "Müller".getBytes(StandardCharsets.UTF_8);
        inherited.setBytes(Tag.PatientName, VR.PN, latin1);
        own.setBytes(Tag.PatientName, VR.PN, utf8);
        assertEquals("Müller", inherited.getString(Tag.PatientName));
        assertEquals("Müller", own.getString(Tag.PatientName));
        assertEquals("ISO_IR 100", inherited.specificCharacterSet().toString());
        assertEquals("ISO_IR 192", own.specificCharacterSet().toString());
        assertEquals(a, a.getSequence(Tag.OtherPatientIDsSequence).get(0).parent());
    }

    @Test
    void equalityIgnoresCharacterSetAndPadding() {
        Attributes latin = new Attributes();
        latin.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        latin.setBytes(Tag.PatientName, VR.PN, "Müller ".getBytes(StandardCharsets.ISO_8859_1));
        latin.setInt(Tag.Rows, VR.US, 3);
        Attributes utf = new Attributes();
        utf.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        utf.setString(Tag.PatientName, VR.PN, "Müller");
        utf.setBytes(Tag.Rows, VR.US, new byte[] {3, 0});
        assertEquals(latin, utf);
        utf.setInt(Tag.Rows, VR.US, 4);
        assertNotEquals(latin, utf);
    }
}
