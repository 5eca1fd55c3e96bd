package org.consilium.dicom.net;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.dicom.net.association.AssociationInfo;
import org.consilium.dicom.net.dimse.Status;
import org.consilium.dicom.net.dimse.StoreHandler;
import org.consilium.dicom.net.dimse.StoreRequest;

/** A test {@link StoreHandler}: each data set goes, as received, into {@code <dir>/<SOP Instance UID>}. */
public final class ReceivingStore implements StoreHandler {

    final Path dir;
    public final Map<String, StoreRequest> requests = new ConcurrentHashMap<>();
    public final Map<String, AssociationInfo> associations = new ConcurrentHashMap<>();

    public ReceivingStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public Status store(AssociationInfo association, StoreRequest rq, InputStream dataSet) throws Exception {
        Path tmp = dir.resolve(rq.sopInstanceUid() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            dataSet.transferTo(out);
        }
        Files.move(tmp, dir.resolve(rq.sopInstanceUid()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        requests.put(rq.sopInstanceUid(), rq);
        associations.put(rq.sopInstanceUid(), association);
        return Status.OK;
    }

    public byte[] received(String sopInstanceUid) throws Exception {
        return Files.readAllBytes(dir.resolve(sopInstanceUid));
    }
}
