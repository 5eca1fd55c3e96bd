package org.consilium.platform.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A CJK font that PDFBox 3.0 can embed as a subset: a face with TrueType (glyf) outlines. Noto CJK
 * (Debian fonts-noto-cjk) has CFF outlines, which PDFBox's subsetter rejects ("OTF fonts do not have a glyf
 * table") and which it cannot embed whole from a collection either, so it is skipped; WenQuanYi Micro Hei
 * (Debian fonts-wqy-microhei) is the default.
 *
 * <p>Where the font comes from, first match wins: the path given to {@link #locate(String)}; the system
 * property {@value #PROPERTY}; the environment variable {@value #ENV}; a list of well-known Debian paths; a
 * scan of the system font folders. A path may name a face of a collection as {@code file.ttc#PostScriptName}.
 */
public final class CjkFont {

    public static final String PROPERTY = "consilium.documents.font";
    public static final String ENV = "CONSILIUM_DOCUMENT_FONT";

    private static final List<String> KNOWN = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private static final List<String> FONT_DIRS = List.of(
            "/usr/share/fonts", "/usr/local/share/fonts", System.getProperty("user.home") + "/.fonts");

    /** 会诊: a face that has these is taken to cover simplified Chinese. */
    private static final int[] PROBE = {0x4F1A, 0x8BCA};

    private static volatile CjkFont found;

    private final Path file;
    private final String face;

    private CjkFont(Path file, String face) {
        this.file = file;
        this.face = face;
    }

    /** The font from the property, the environment, the known paths or a scan; found once, then reused. */
    public static CjkFont locate() {
        CjkFont f = found;
        if (f == null) {
            f = locate(System.getProperty(PROPERTY, System.getenv(ENV)));
            found = f;
        }
        return f;
    }

    /**
     * The configured font if {@code configured} is not blank (it must be usable, or this throws), otherwise
     * the first usable known or installed one.
     */
    public static CjkFont locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            int hash = configured.indexOf('#');
            Path path = Path.of(hash < 0 ? configured : configured.substring(0, hash));
            String faceName = hash < 0 ? null : configured.substring(hash + 1);
            CjkFont f = usable(path, faceName);
            if (f == null) {
                throw new MissingFontException("configured font " + configured
                        + " is missing, has no TrueType outlines or lacks Chinese glyphs");
            }
            return f;
        }
        for (String known : KNOWN) {
            CjkFont f = usable(Path.of(known), null);
            if (f != null) {
                return f;
            }
        }
        for (Path candidate : installedFonts()) {
            CjkFont f = usable(candidate, null);
            if (f != null) {
                return f;
            }
        }
        throw new MissingFontException("no CJK TrueType font found: install fonts-wqy-microhei or set "
                + PROPERTY + " / " + ENV + " to a .ttf or .ttc file");
    }

    public Path file() {
        return file;
    }

    /** PostScript name of the face. */
    public String face() {
        return face;
    }

    /** Opens the face for one document; keep it open until the document is saved (subsetting reads it). */
    public Face open() throws IOException {
        if (isCollection(file)) {
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont ttf = ttc.getFontByName(face);
            return new Face(ttf, ttc);
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        return new Face(ttf, ttf);
    }

    @Override
    public String toString() {
        return file + "#" + face;
    }

    /** An open face and what has to be closed with it. */
    public record Face(TrueTypeFont font, AutoCloseable owner) implements AutoCloseable {

        /** True if the face maps this code point to a real glyph. */
        public boolean canDisplay(int codePoint) {
            try {
                return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                owner.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    /** The first face of the file (or the named one) with glyf outlines and Chinese glyphs, else null. */
    private static CjkFont usable(Path path, String faceName) {
        if (!Files.isRegularFile(path) || onlyCffOutlines(path)) {
            return null;
        }
        try {
            if (!isCollection(path)) {
                try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()))) {
                    return fits(ttf, faceName) ? new CjkFont(path, ttf.getName()) : null;
                }
            }
            try (TrueTypeCollection ttc = new TrueTypeCollection(path.toFile())) {
                List<String> names = new ArrayList<>();
                ttc.processAllFonts(ttf -> {
                    if (names.isEmpty() && fits(ttf, faceName)) {
                        names.add(ttf.getName());
                    }
                });
                return names.isEmpty() ? null : new CjkFont(path, names.get(0));
            }
        } catch (IOException | RuntimeException e) {
            return null; // not a font PDFBox can read: try the next one
        }
    }

    private static boolean fits(TrueTypeFont ttf, String faceName) throws IOException {
        if (faceName != null && !faceName.equals(ttf.getName())) {
            return false;
        }
        if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false; // CFF outlines: PDFBox 3.0 cannot subset them
        }
        if (ttf.getTableMap().get("glyf") == null) {
            return false;
        }
        for (int cp : PROBE) {
            if (ttf.getUnicodeCmapLookup().getGlyphId(cp) <= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * True if every face of the file is CFF-flavoured ('OTTO'): read from the headers alone, so a 20 MB Noto
     * collection is refused without parsing it (OpenType 1.9, "Font Collections" and "Table Directory").
     */
    private static boolean onlyCffOutlines(Path path) {
        try (var in = Files.newByteChannel(path)) {
            ByteBuffer head = ByteBuffer.allocate(12);
            in.read(head);
            head.flip();
            if (head.remaining() < 12) {
                return false;
            }
            int tag = head.getInt(0);
            if (tag != 0x74746366) { // not 'ttcf': a single face
                return tag == 0x4F54544F; // 'OTTO'
            }
            int faces = Math.min(head.getInt(8), 64);
            ByteBuffer offsets = ByteBuffer.allocate(4 * faces);
            in.read(offsets);
            for (int i = 0; i < faces; i++) {
                ByteBuffer sfnt = ByteBuffer.allocate(4);
                in.position(Integer.toUnsignedLong(offsets.getInt(4 * i)));
                in.read(sfnt);
                if (sfnt.getInt(0) != 0x4F54544F) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // let the parser decide
        }
    }

    private static List<Path> installedFonts() {
        List<Path> out = new ArrayList<>();
        for (String dir : FONT_DIRS) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".ttf") || n.endsWith(".ttc");
                }).sorted().forEach(out::add);
            } catch (IOException e) {
                // an unreadable folder: look in the others
            }
        }
        return out;
    }

    private static boolean isCollection(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    /** No usable CJK font: the document cannot be made. */
    public static final class MissingFontException extends IllegalStateException {
        MissingFontException(String message) {
            super(message);
        }
    }
}
