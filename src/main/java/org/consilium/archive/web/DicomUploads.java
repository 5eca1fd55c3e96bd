package org.consilium.archive.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.consilium.archive.IngestException;
import org.consilium.archive.store.Ingest;
import org.consilium.archive.store.IngestSource;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.archive.UploadTarget;

/**
 * DICOM Part 10 files sent as resumable uploads ({@code purpose: dicom}): each completed file is stored by
 * the archive's ingest for the uploader's hospital, as one STOW-RS part would be, and audited the same way.
 * The client is told the study it went into.
 */
@ApplicationScoped
public class DicomUploads implements UploadTarget {

    @Inject
    Ingest ingest;
    @Inject
    AuditLog audit;

    @Override
    public String purpose() {
        return "dicom";
    }

    @Override
    public long admit(CurrentUser user, Map<String, String> metadata, long length) {
        hospital(user);
        return Long.MAX_VALUE;
    }

    @Override
    public String complete(CurrentUser user, Map<String, String> metadata, String uploadId, InputStream bytes)
            throws IOException {
        IngestSource source = new IngestSource(hospital(user).id(), null, user.asActor());
        try {
            Ingest.Stored s = ingest.storeFile(bytes, source);
            audit.record(source.actor(), source.hospitalId(), "study.store", "upload:" + uploadId, Outcome.SUCCESS,
                    "1 stored: " + s.sopInstanceUid() + " in study " + s.studyUid());
            return s.studyUid();
        } catch (IngestException e) {
            audit.record(source.actor(), source.hospitalId(), "study.store", "upload:" + uploadId, Outcome.FAILED,
                    e.getMessage());
            throw new ProblemException(ProblemType.VALIDATION, "not stored: " + e.getMessage());
        }
    }

    private static HospitalView hospital(CurrentUser user) {
        return user.hospital()
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital"));
    }
}
