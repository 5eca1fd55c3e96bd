package org.consilium.dicom.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.UnsupportedTransferSyntaxException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Writes Part 10 files (PS3.10 7.1) and raw data sets in Implicit VR LE, Explicit VR LE and BE, and
 * Deflated Explicit VR LE. Values are written as held; odd lengths are padded (UI with NUL, other text with
 * a space, binary with 00), so a well-formed file read and written back is the same bytes.
 *
 * <pre>{@code
 * new DicomWriter().writeFile(Path.of("out.dcm"), null, dataset, UID.ExplicitVRLittleEndian);
 * }</pre>
 */
public final class DicomWriter {

    /**
     * Writes preamble, "DICM", File Meta Information and the data set. With {@code fileMeta} null, File Meta
     * is made from the data set's SOP Class and Instance UIDs; otherwise its Transfer Syntax UID is set to
     * {@code transferSyntaxUid} and its group length recomputed.
     */
    public void writeFile(Path file, Attributes fileMeta, Attributes dataset, String transferSyntaxUid)
            throws IOException, DicomException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeFile(out, fileMeta, dataset, transferSyntaxUid);
        }
    }

    /** Writes a file as read, preamble included, in its own transfer syntax. */
    public void writeFile(Path file, DicomFile dicomFile) throws IOException, DicomException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writeFile(out, dicomFile);
        }
    }

    public void writeFile(OutputStream out, DicomFile f) throws IOException, DicomException {
        writeFile(out, f.preamble(), f.fileMetaInformation(), f.dataset(), f.transferSyntaxUid());
    }

    public void writeFile(OutputStream out, Attributes fileMeta, Attributes dataset, String transferSyntaxUid)
            throws IOException, DicomException {
        writeFile(out, null, fileMeta, dataset, transferSyntaxUid);
    }

    private void writeFile(OutputStream out, byte[] preamble, Attributes fileMeta, Attributes dataset,
            String transferSyntaxUid) throws IOException, DicomException {
        Attributes meta = fileMeta == null ? createFileMetaInformation(dataset, transferSyntaxUid)
                : withTransferSyntax(fileMeta, transferSyntaxUid);
        writeFileMetaInformation(out, preamble, meta);
        writeDataset(out, dataset, transferSyntaxUid);
    }

    /**
     * Writes preamble, "DICM" and the File Meta Information as given (group length recomputed), for callers
     * that append an already encoded data set, such as a C-STORE SCP streaming from the network.
     */
    public void writeFileMetaInformation(OutputStream out, byte[] preamble, Attributes fileMeta)
            throws IOException, DicomException {
        Attributes meta = copy(fileMeta); // the caller's File Meta stays as it was
        out.write(preamble != null && preamble.length == 128 ? preamble : new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        DicomOutput metaOut = new DicomOutput(out);
        DatasetEncoder metaEncoder = new DatasetEncoder(metaOut, true);
        meta.remove(Tag.FileMetaInformationGroupLength);
        long groupLength = metaEncoder.datasetLength(meta);
        meta.setInt(Tag.FileMetaInformationGroupLength, VR.UL, (int) groupLength);
        metaEncoder.write(meta);
        metaOut.flushBuffer();
    }

    /** Writes a data set without preamble or File Meta, for DIMSE or to follow a File Meta written elsewhere. */
    public void writeDataset(OutputStream out, Attributes dataset, String transferSyntaxUid)
            throws IOException, DicomException {
        TransferSyntax ts = TransferSyntax.of(transferSyntaxUid);
        checkPixelEncoding(dataset, ts);
        OutputStream target = out;
        Deflater deflater = null;
        if (ts.deflated()) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // PS3.5 A.5: raw deflate, no zlib header
            target = new DeflaterOutputStream(out, deflater, 1 << 14);
        }
        DicomOutput dicomOut = new DicomOutput(target);
        dicomOut.bigEndian(ts.bigEndian());
        new DatasetEncoder(dicomOut, ts.explicitVR()).write(dataset);
        dicomOut.flushBuffer();
        if (deflater != null) {
            ((DeflaterOutputStream) target).finish();
            deflater.end();
        }
        out.flush();
    }

    /** We have no pixel codecs: native pixels go out native, fragments go out encapsulated, as read. */
    private static void checkPixelEncoding(Attributes dataset, TransferSyntax ts) throws DicomException {
        if (!ts.isKnown()) {
            throw new UnsupportedTransferSyntaxException(ts.uid(), DicomException.NO_OFFSET);
        }
        Object pixels = dataset.getValue(Tag.PixelData);
        boolean fragments = pixels instanceof Fragments;
        if (pixels != null && fragments != ts.encapsulated()) {
            throw new UnsupportedTransferSyntaxException(ts.uid(), DicomException.NO_OFFSET,
                    fragments ? "Pixel Data is encapsulated; writing it native needs a codec we do not have"
                            : "Pixel Data is native; encapsulating it needs a codec we do not have");
        }
    }

    /** File Meta Information for a data set (PS3.10 7.1), naming this implementation. */
    public static Attributes createFileMetaInformation(Attributes dataset, String transferSyntaxUid) {
        Attributes meta = new Attributes(8);
        meta.setBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        meta.setString(Tag.MediaStorageSOPClassUID, VR.UI, dataset.getString(Tag.SOPClassUID, ""));
        meta.setString(Tag.MediaStorageSOPInstanceUID, VR.UI, dataset.getString(Tag.SOPInstanceUID, ""));
        meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        meta.setString(Tag.ImplementationClassUID, VR.UI, Implementation.CLASS_UID);
        meta.setString(Tag.ImplementationVersionName, VR.SH, Implementation.VERSION_NAME);
        return meta;
    }

    private static Attributes copy(Attributes fileMeta) {
        Attributes meta = new Attributes(fileMeta.size() + 2);
        for (int i = 0; i < fileMeta.size(); i++) {
            meta.setValue(fileMeta.tagAt(i), fileMeta.vrAt(i), fileMeta.valueAt(i));
        }
        return meta;
    }

    private static Attributes withTransferSyntax(Attributes fileMeta, String transferSyntaxUid) {
        Attributes meta = copy(fileMeta);
        if (!transferSyntaxUid.equals(meta.getString(Tag.TransferSyntaxUID))) {
            meta.setString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid);
        }
        return meta;
    }
}
