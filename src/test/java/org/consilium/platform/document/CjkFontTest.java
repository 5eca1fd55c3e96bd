package org.consilium.platform.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CjkFontTest {

    @Test
    void findsAnInstalledFaceWithTrueTypeOutlinesAndChineseGlyphs() throws Exception {
        CjkFont font = CjkFont.locate(null);
        assertTrue(Files.isRegularFile(font.file()), font.toString());
        try (CjkFont.Face face = font.open()) {
            assertTrue(face.font().getTableMap().containsKey("glyf"), "TrueType outlines in " + font);
            assertTrue(face.canDisplay('张') && face.canDisplay('A'), "Chinese and Latin glyphs in " + font);
        }
    }

    @Test
    void aConfiguredFileAndFaceAreUsedAsGiven() {
        CjkFont found = CjkFont.locate(null);
        CjkFont configured = CjkFont.locate(found.file() + "#" + found.face());
        assertEquals(found.file(), configured.file());
        assertEquals(found.face(), configured.face());
    }

    @Test
    void aConfiguredFileThatIsNoFontIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path notAFont = Files.writeString(dir.resolve("fake.ttf"), "not a font");
        var e = assertThrows(CjkFont.MissingFontException.class, () -> CjkFont.locate(notAFont.toString()));
        assertTrue(e.getMessage().contains("fake.ttf"), e.getMessage());
        assertThrows(CjkFont.MissingFontException.class, () -> CjkFont.locate(dir.resolve("missing.ttc").toString()));
    }

    @Test
    void aFaceWithCffOutlinesIsRefused() {
        // Noto CJK (fonts-noto-cjk) is CFF-flavoured OpenType: PDFBox 3.0 cannot subset it
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(noto), "fonts-noto-cjk not installed");
        assertThrows(CjkFont.MissingFontException.class, () -> CjkFont.locate(noto.toString()));
    }
}
