package org.consilium.dicom.net.dimse;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.TransferSyntax;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.ConnectOptions;

/**
 * A C-STORE SCU for Part 10 files (PS3.4 B.2.2): proposes a context for each SOP class and transfer
 * syntax among the files, then streams each data set from its file. An uncompressed file may go in
 * another uncompressed syntax if the peer accepts only that; an encapsulated one only as it is.
 *
 * <pre>{@code
 * try (StoreScu scu = StoreScu.open(ConnectOptions.of("pacs", 104, "CONSILIUM", "PACS"), files)) {
 *     for (Path f : files) {
 *         Status s = scu.store(f);
 *     }
 * }   // released
 * }</pre>
 */
public final class StoreScu implements Closeable {

    private final Association association;

    private StoreScu(Association association) {
        this.association = association;
    }

    /** Reads each file's File Meta, proposes what they need (plus Verification) and connects. */
    public static StoreScu open(ConnectOptions base, List<Path> files) throws IOException, DicomException {
        List<Part10File> headers = new ArrayList<>(files.size());
        for (Path f : files) {
            headers.add(Part10File.read(f));
        }
        return new StoreScu(Association.connect(propose(base, headers)));
    }

    /**
     * Adds contexts for the files: per SOP class, one context for each transfer syntax used, so that a
     * peer supporting it takes each file as it is, and for uncompressed files one more with Explicit and
     * Implicit VR Little Endian to fall back on.
     */
    public static ConnectOptions propose(ConnectOptions base, List<Part10File> files) {
        Map<String, Set<String>> syntaxes = new LinkedHashMap<>();
        for (Part10File f : files) {
            syntaxes.computeIfAbsent(f.sopClassUid(), k -> new LinkedHashSet<>()).add(f.transferSyntaxUid());
        }
        ConnectOptions o = base.proposeVerification();
        for (Map.Entry<String, Set<String>> e : syntaxes.entrySet()) {
            for (String ts : e.getValue()) {
                o = o.propose(e.getKey(), ts);
            }
            if (e.getValue().stream().anyMatch(ts -> !TransferSyntax.of(ts).encapsulated())) {
                o = o.propose(e.getKey(), UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
            }
        }
        return o;
    }

    public Association association() {
        return association;
    }

    public Status store(Path file) throws IOException, DicomException {
        return store(file, null, 0);
    }

    /** Stores one file as a C-MOVE sub-operation of {@code originatorAe}'s message. */
    public Status store(Path file, String originatorAe, int originatorMessageId) throws IOException, DicomException {
        Part10File f = Part10File.read(file);
        try (InputStream in = f.openDataSet()) {
            return association.cstore(f.sopClassUid(), f.sopInstanceUid(), f.transferSyntaxUid(), in, originatorAe,
                    originatorMessageId);
        }
    }

    /** Releases the association (aborts it if the release fails). */
    @Override
    public void close() throws IOException {
        association.release();
    }
}
