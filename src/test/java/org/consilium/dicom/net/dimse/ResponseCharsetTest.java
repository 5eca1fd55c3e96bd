package org.consilium.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.junit.jupiter.api.Test;

/** C-FIND responses in the character set the SCU asked for, else ISO_IR 192 (PS3.4 C.4.1.1.3.2). */
class ResponseCharsetTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void gb18030InstanceIsAnsweredInUtf8ByDefault() {
        Attributes out = ResponseCharset.recode(storedInGb18030(), new String[0]);
        assertEquals("ISO_IR 192", out.getString(Tag.SpecificCharacterSet));
        assertArrayEquals("王^小明".getBytes(StandardCharsets.UTF_8), out.getBytes(Tag.PatientName));
        assertEquals("王^小明 胸部CT", out.getSequence(Tag.ReferencedStudySequence).get(0).getString(Tag.StudyDescription));
    }

    @Test
    void answersInTheRequestedCharacterSet() {
        Attributes out = ResponseCharset.recode(storedInGb18030(), new String[] {"GB18030"});
        assertEquals("GB18030", out.getString(Tag.SpecificCharacterSet));
        assertArrayEquals("王^小明".getBytes(GB18030), out.getBytes(Tag.PatientName));
    }

    @Test
    void fallsBackToUtf8WhenTheRequestedRepertoireCannotHoldTheName() {
        Attributes out = ResponseCharset.recode(storedInGb18030(), new String[] {"ISO_IR 100"});
        assertEquals("ISO_IR 192", out.getString(Tag.SpecificCharacterSet));
        assertEquals("王^小明", out.getString(Tag.PatientName));
    }

    private static Attributes storedInGb18030() {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        a.setBytes(Tag.PatientName, VR.PN, "王^小明".getBytes(GB18030));
        a.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        a.newSequence(Tag.ReferencedStudySequence).addItem()
                .setBytes(Tag.StudyDescription, VR.LO, "王^小明 胸部CT".getBytes(GB18030));
        return a;
    }
}
