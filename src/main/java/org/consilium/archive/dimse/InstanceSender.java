package org.consilium.archive.dimse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consilium.archive.ArchiveConfig;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.net.association.ConnectOptions;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreScu;
import org.jboss.logging.Logger;

/** Sends stored instance files to a registered AE with our C-STORE SCU, calling as our own AE title. */
@ApplicationScoped
public class InstanceSender {

    private static final Logger LOG = Logger.getLogger(InstanceSender.class);

    @Inject
    ArchiveConfig config;

    /** What became of one file: stored (success or a warning status), or why not. */
    public record Delivery(boolean stored, String error) {
    }

    /**
     * Stores the files in order over one association. Throws when no association could be made; after that,
     * each file has its own outcome, and a file that fails does not stop the others.
     */
    public List<Delivery> send(AeEntry target, List<Path> files) throws IOException, DicomException {
        StoreScu scu = StoreScu.open(ConnectOptions.of(target.host(), target.port(), config.aeTitle(), target.aeTitle()), files);
        List<Delivery> out = new ArrayList<>(files.size());
        for (Path file : files) {
            out.add(store(scu, file));
        }
        try {
            scu.close();
        } catch (IOException e) {
            // the peer acknowledged each instance already; a failed release does not undo that
            LOG.debugf(e, "release from %s failed", target.aeTitle());
        }
        return out;
    }

    private static Delivery store(StoreScu scu, Path file) {
        if (!scu.association().isOpen()) {
            return new Delivery(false, "association closed before this instance was sent");
        }
        try {
            Status s = scu.store(file);
            return s.isFailure() ? new Delivery(false, "C-STORE failed: " + s) : new Delivery(true, null);
        } catch (IOException | DicomException | RuntimeException e) {
            return new Delivery(false, describe(e));
        }
    }

    public static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
