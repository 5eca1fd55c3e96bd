package org.consilium.dicom.net.association;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.io.DicomReader;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.io.TransferSyntax;

/**
 * Re-encodes a data set between unencapsulated transfer syntaxes (Implicit/Explicit VR LE, Explicit VR BE,
 * Deflated) for a peer that accepted another one. Pixel data is never decompressed or compressed.
 */
final class Transcoder {

    private Transcoder() {}

    /** From a stream: the data set is read into memory. */
    static void transcode(InputStream in, String from, OutputStream out, String to) throws IOException {
        check(from, to);
        try {
            Attributes dataset = new DicomReader(DicomReader.Options.IN_MEMORY).readDataset(in, from);
            new DicomWriter().writeDataset(out, dataset, to);
        } catch (DicomException e) {
            throw new IOException("cannot convert data set from " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** From a read data set; bulk data referenced in a file is copied from there. */
    static void write(Attributes dataset, OutputStream out, String to) throws IOException {
        try {
            new DicomWriter().writeDataset(out, dataset, to);
        } catch (DicomException e) {
            throw new IOException("cannot encode data set in " + to + ": " + e.getMessage(), e);
        }
    }

    static void check(String from, String to) throws NoPresentationContextException {
        if (TransferSyntax.of(from).encapsulated() || TransferSyntax.of(to).encapsulated()) {
            throw new NoPresentationContextException("data set in " + from, to);
        }
    }
}
