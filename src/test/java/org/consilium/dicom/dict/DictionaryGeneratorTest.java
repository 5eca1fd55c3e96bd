package org.consilium.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictionaryGeneratorTest {

    @Test
    void committedCodeMatchesTheDataFiles() throws Exception {
        for (Map.Entry<Path, String> e : DictionaryGenerator.generate(DictionaryGenerator.DICT_DIR).entrySet()) {
            assertEquals(e.getValue(), Files.readString(e.getKey(), StandardCharsets.UTF_8),
                    e.getKey() + " is stale: run java src/test/java/org/consilium/dicom/dict/DictionaryGenerator.java");
        }
    }

    @Test
    void looksUpTagsKeywordsAndVrs() {
        assertEquals(0x00100010, Tag.PatientName);
        assertEquals("(0010,0010)", Tag.toString(Tag.PatientName));
        assertEquals(VR.PN, ElementDictionary.vrOf(Tag.PatientName));
        assertEquals("PatientName", ElementDictionary.keywordOf(0x00100010));
        assertEquals(Tag.ROIContourSequence, ElementDictionary.tagOf("ROIContourSequence"));
        assertEquals(VR.SQ, ElementDictionary.vrOf(Tag.ROIContourSequence));
        assertEquals("2-n", ElementDictionary.vmOf(Tag.ImageType));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
    }

    @Test
    void resolvesRepeatingGroupsAndPrivateRules() {
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60023000));
        assertEquals(VR.OW, ElementDictionary.entryOf(0x601E3000).vrs().get(1));
        assertEquals("OverlayRows", ElementDictionary.keywordOf(0x60FE0010));
        assertNull(ElementDictionary.keywordOf(0x60013000), "odd groups are private, not overlays");
        assertEquals("CurveData", ElementDictionary.keywordOf(0x50203000));
        assertTrue(ElementDictionary.isRetired(0x50203000));
        assertEquals("VariablePixelData", ElementDictionary.keywordOf(0x7F100010));
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x002031A7));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00290010), "private creator");
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00291010), "unknown private element");
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00280000), "group length");
        assertEquals(VR.US, ElementDictionary.vrOf(Tag.SmallestImagePixelValue), "US or SS: US by default");
    }

    @Test
    void namesUids() {
        assertEquals("1.2.840.10008.5.1.4.1.1.481.3", UID.RTStructureSetStorage);
        assertEquals("CT Image Storage", UID.nameOf(UID.CTImageStorage));
        assertEquals("Explicit VR Big Endian", UID.nameOf(UID.ExplicitVRBigEndian));
        assertTrue(UIDRegistry.isTransferSyntax(UID.DeflatedExplicitVRLittleEndian));
        assertEquals("Well-known frame of reference", UIDRegistry.entryOf("1.2.840.10008.1.4.1.1").type());
        assertNull(UID.nameOf("1.2.3.4"));
    }
}
