package org.consilium.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.consilium.archive.store.BlobStoreConfig;
import org.consilium.archive.forward.ForwardConfig;
import org.consilium.archive.upload.UploadConfig;

/** Every setting of the archive ({@code consilium.archive.*}), read here and nowhere else. */
@ConfigMapping(prefix = "consilium.archive")
public interface ArchiveConfig {

    /** Our AE title: the called AE we answer to, and the calling AE when we send. */
    String aeTitle();

    /** Port of the DIMSE listener; 0 picks a free one (tests). */
    int dimsePort();

    /** Concurrent DICOM associations; more are rejected as transient. */
    @WithDefault("50")
    int maxAssociations();

    /** How long a registered AE stays cached before the registry is read again. */
    @WithDefault("30s")
    Duration aeCacheTtl();

    /** Port of the DICOM TLS listener (PS3.15 B.1), opened only when {@link #tls()} names a certificate and key. */
    @WithDefault("2762")
    int dimseTlsPort();

    /** The TLS listener's certificate and PKCS #8 key, in PEM. */
    Tls tls();

    /** Directory of the content-addressed blob files (the file blob store). */
    Path blobDir();

    /** Write incoming instances with O_DIRECT where the file system allows it. */
    @WithDefault("true")
    boolean directIo();

    /** Where blobs live: local files (default) or an S3-compatible store. */
    BlobStoreConfig blobStore();

    /** C-STORE forwarding to registered AEs. */
    ForwardConfig forward();

    /** Resumable uploads (tus) of study files and attachments. */
    UploadConfig upload();

    /** DICOM TLS material. */
    interface Tls {

        Optional<Path> cert();

        Optional<Path> key();
    }
}
