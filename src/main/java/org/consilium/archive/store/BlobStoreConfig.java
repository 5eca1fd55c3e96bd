package org.consilium.archive.store;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where instance blobs live ({@code consilium.archive.blob-store.*}, a group of {@link org.consilium.archive.ArchiveConfig}): on the local file system (the
 * default, one replica) or in an S3-compatible object store shared by every replica.
 */
public interface BlobStoreConfig {

    enum Kind { FILE, S3 }

    @WithDefault("file")
    Kind kind();

    S3 s3();

    /** Removing blobs that nothing references (see {@link BlobSweeper}). */
    Sweep sweep();

    interface Sweep {

        /** How often each replica sweeps. */
        @WithDefault("6h")
        Duration every();

        /**
         * How old an unreferenced blob must be to go: far longer than any ingest takes between committing a
         * blob and indexing it.
         */
        @WithDefault("1h")
        Duration grace();
    }

    /** An S3-compatible store: AWS S3, MinIO, Ceph RGW. Path-style addressing unless told otherwise. */
    interface S3 {

        /** The service URL, e.g. {@code https://minio.hospital.local:9000}; AWS's own when absent. */
        Optional<URI> endpoint();

        /** Required when the kind is {@code s3}. */
        Optional<String> bucket();

        @WithDefault("us-east-1")
        String region();

        /** Static credentials; when absent the SDK's default chain (AWS_* variables, profiles). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        @WithDefault("true")
        boolean pathStyle();

        /** Creates the bucket at start if it is missing (development and tests; production buckets are provisioned). */
        @WithDefault("false")
        boolean createBucket();

        /** Blobs larger than this go up in parts of this size (S3's minimum part is 5 MiB). */
        @WithDefault("16M")
        MemorySize partSize();

        /** HTTP connections to the store; at least the concurrent associations plus WADO readers. */
        @WithDefault("64")
        int maxConnections();

        /**
         * Local scratch: staged uploads and the read cache of blobs that frame and bulk-data readers need as
         * files. Wiped at start; it is never the only copy of an acknowledged blob.
         */
        Path localDir();

        /** Read-cache size above which the least recently used blobs are dropped. */
        @WithDefault("2G")
        MemorySize cacheSize();
    }
}
