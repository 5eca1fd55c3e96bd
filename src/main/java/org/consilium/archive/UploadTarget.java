package org.consilium.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.consilium.identity.CurrentUser;

/**
 * Where completed uploads of one {@link #purpose()} go. A CDI bean; the upload's {@code purpose} metadata
 * picks it. Both methods run as the uploading user and throw {@link org.consilium.platform.ProblemException}
 * to refuse.
 */
public interface UploadTarget {

    /** The value of the {@code purpose} metadata this target takes ({@code dicom}, {@code attachment}). */
    String purpose();

    /**
     * Checks, before any byte is sent, that the caller may upload a file of {@code length} bytes with this
     * metadata here; returns the largest length allowed.
     */
    long admit(CurrentUser user, Map<String, String> metadata, long length);

    /**
     * Hands over the completed file; returns what the client is told it became (a Study Instance UID, an
     * attachment id), sent back in the {@code Consilium-Upload-Result} header.
     */
    String complete(CurrentUser user, Map<String, String> metadata, String uploadId, InputStream bytes) throws IOException;
}
