package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.consilium.archive.BlobReferences;

/** The blobs of consult attachments, which the archive must not sweep. */
@ApplicationScoped
public class AttachmentBlobs implements BlobReferences {

    @Override
    @Transactional
    public Set<String> referenced(Collection<String> keys) {
        return new HashSet<>(ConsultAttachment.getEntityManager()
                .createQuery("select a.blobKey from ConsultAttachment a where a.blobKey in :keys", String.class)
                .setParameter("keys", keys).getResultList());
    }
}
