package org.consilium.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipException;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.TruncatedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Reads Part 10 files (PS3.10 7) and raw data sets in Implicit VR LE, Explicit VR LE and BE, Deflated
 * Explicit VR LE and the encapsulated syntaxes (pixels kept as fragments).
 *
 * <pre>{@code
 * DicomFile f = new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true))
 *         .readFile(Path.of("ct.dcm"));
 * String name = f.dataset().getString(Tag.PatientName);
 * }</pre>
 *
 * <p>Memory is bounded: a length read from the stream is checked against the bytes left before anything
 * is allocated; from a file, values longer than {@link Options#bulkDataThreshold()} stay in the file as
 * {@link org.consilium.dicom.data.BulkData}; from a stream, long values are read in 1 MiB chunks.
 * Corrupt input raises a {@link DicomException} subtype with the tag and offset.
 */
public final class DicomReader {

    /**
     * @param stopBeforePixelData stop at the top-level Pixel Data (7FE0,0010), Float or Double Float Pixel Data
     * @param bulkDataThreshold   values longer than this, read from a file, are referenced rather than loaded
     */
    public record Options(boolean stopBeforePixelData, long bulkDataThreshold) {
        /** Everything up to 1 MiB per value is loaded; longer values read from a file stay there. */
        public static final Options DEFAULT = new Options(false, 1 << 20);
        /** Load every value, whatever its size. */
        public static final Options IN_MEMORY = new Options(false, Long.MAX_VALUE);

        public Options withStopBeforePixelData(boolean stop) {
            return new Options(stop, bulkDataThreshold);
        }

        public Options withBulkDataThreshold(long threshold) {
            return new Options(stopBeforePixelData, threshold);
        }
    }

    private static final int PREAMBLE = 128;

    private final Options options;

    public DicomReader() {
        this(Options.DEFAULT);
    }

    public DicomReader(Options options) {
        this.options = options;
    }

    public DicomFile readFile(Path file) throws IOException, DicomException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(new DicomInput(stream, Files.size(file)), file.toAbsolutePath());
        }
    }

    /**
     * Reads a file whose bytes {@code content} delivers (for example its start from memory, then the rest
     * from disk); values above the bulk data threshold are referenced into {@code file}.
     */
    public DicomFile readFile(Path file, InputStream content, long size) throws IOException, DicomException {
        return read(new DicomInput(content, size), file.toAbsolutePath());
    }

    /** Reads a Part 10 stream, or a raw data set whose transfer syntax is recognised from its first bytes. */
    public DicomFile read(InputStream stream) throws IOException, DicomException {
        return read(new DicomInput(stream, -1), null);
    }

    /** Reads a raw data set (no preamble, no File Meta) in a known transfer syntax, as DIMSE delivers it. */
    public Attributes readDataset(InputStream stream, String transferSyntaxUid) throws IOException, DicomException {
        DicomInput in = new DicomInput(stream, -1);
        return readDataset(in, null, TransferSyntax.of(transferSyntaxUid)).dataset();
    }

    private DicomFile read(DicomInput in, Path file) throws IOException, DicomException {
        Attributes meta = null;
        byte[] preamble = null;
        if (in.ensure(PREAMBLE + 4) && in.peek(PREAMBLE) == 'D' && in.peek(PREAMBLE + 1) == 'I'
                && in.peek(PREAMBLE + 2) == 'C' && in.peek(PREAMBLE + 3) == 'M') {
            preamble = in.readBytes(PREAMBLE, DicomException.NO_TAG);
            preamble = java.util.Arrays.equals(preamble, new byte[PREAMBLE]) ? null : preamble;
            in.skip(4, DicomException.NO_TAG);
            meta = readFileMeta(in, file);
        } else if (in.ensure(6) && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            meta = readFileMeta(in, file); // File Meta without preamble, as some old writers did
        }
        String tsUid = meta == null ? null : meta.getString(Tag.TransferSyntaxUID);
        TransferSyntax ts = tsUid != null ? TransferSyntax.of(tsUid) : guessTransferSyntax(in);
        DicomFile read = readDataset(in, file, ts);
        return new DicomFile(meta, read.dataset(), ts.uid(), preamble);
    }

    private Attributes readFileMeta(DicomInput in, Path file) throws IOException, DicomException {
        Attributes meta = new Attributes();
        boolean explicit = !in.ensure(6) || looksLikeVR(in.peek(4), in.peek(5));
        DatasetParser parser = new DatasetParser(in, options, file, explicit);
        while (in.ensure(6) && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            parser.readOneElement(meta);
        }
        if (meta.isEmpty()) {
            throw new MalformedDicomException("no File Meta Information after DICM", DicomException.NO_TAG, in.position());
        }
        return meta;
    }

    private static boolean looksLikeVR(int a, int b) {
        return VR.of(a << 8 | b) != null;
    }

    /** PS3.5 A: explicit if bytes 4-5 spell a VR; big endian if the group number reads as 00gg. */
    private static TransferSyntax guessTransferSyntax(DicomInput in) throws IOException {
        if (!in.ensure(8)) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean explicit = looksLikeVR(in.peek(4), in.peek(5));
        boolean bigEndian = in.peek(0) == 0 && in.peek(1) != 0;
        if (!explicit) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    private DicomFile readDataset(DicomInput in, Path file, TransferSyntax ts) throws IOException, DicomException {
        Attributes dataset = new Attributes(64);
        long start = in.position();
        try {
            if (ts.deflated()) {
                in.inflateRest();
            }
            in.bigEndian(ts.bigEndian());
            new DatasetParser(in, options, ts.deflated() ? null : file, explicitVRInFact(in, ts))
                    .readElements(dataset, DatasetParser.UNDEFINED, 0);
        } catch (ZipException e) {
            throw new MalformedDicomException("bad deflate stream: " + e.getMessage(), lastTag(dataset), in.position(), e);
        } catch (EOFException e) {
            throw new TruncatedDicomException("deflate stream ends early after " + (in.position() - start) + " bytes",
                    lastTag(dataset), in.position());
        }
        return new DicomFile(null, dataset, ts.uid());
    }

    /**
     * Some writers declare one VR encoding and use the other (pydicom's SC_rgb_jpeg.dcm is implicit under
     * an explicit syntax). Like pydicom and dcmtk, trust the first element's bytes over the declaration.
     */
    private static boolean explicitVRInFact(DicomInput in, TransferSyntax ts) throws IOException {
        if (ts.bigEndian() || !in.ensure(8)) {
            return ts.explicitVR();
        }
        int code = in.peek(4) << 8 | in.peek(5);
        VR vr = VR.of(code);
        if (ts.explicitVR()) {
            return vr != null;
        }
        int tag = (in.peek(1) << 8 | in.peek(0)) << 16 | in.peek(3) << 8 | in.peek(2);
        return vr != null && vr == org.consilium.dicom.dict.ElementDictionary.vrOf(tag);
    }

    private static int lastTag(Attributes a) {
        return a.isEmpty() ? DicomException.NO_TAG : a.tagAt(a.size() - 1);
    }
}
