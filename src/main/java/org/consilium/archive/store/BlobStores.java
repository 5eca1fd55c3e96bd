package org.consilium.archive.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Makes the one {@link BlobStore} of this process from {@link BlobStoreConfig}, at start, so that a bad store fails the start. */
@ApplicationScoped
class BlobStores {

    @Produces
    @Singleton
    @Startup
    BlobStore blobStore(ArchiveConfig archive) {
        BlobStoreConfig config = archive.blobStore();
        return switch (config.kind()) {
            case FILE -> new FileBlobStore(archive.blobDir(), archive.directIo());
            case S3 -> s3(config.s3());
        };
    }

    void close(@Disposes BlobStore store) {
        if (store instanceof S3BlobStore s3) {
            s3.close();
        }
    }

    static S3BlobStore s3(BlobStoreConfig.S3 c) {
        String bucket = c.bucket().orElseThrow(() -> new IllegalStateException(
                "consilium.archive.blob-store.s3.bucket (CONSILIUM_S3_BUCKET) is required for the S3 blob store"));
        return new S3BlobStore(client(c), bucket, c.localDir(), c.partSize().asLongValue(), c.cacheSize().asLongValue())
                .requireBucket(c.createBucket());
    }

    /**
     * A blocking client with path-style addressing (MinIO and Ceph RGW behind one host name). Checksums are
     * computed only where the operation needs them: S3-compatible stores (S3Proxy, older MinIO and Ceph RGW)
     * answer the newer checksum headers with 501. Use TLS to the store; the blob's name is its SHA-256, so a
     * corrupted blob is also detectable on read.
     */
    static S3Client client(BlobStoreConfig.S3 c) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(c.region()))
                .forcePathStyle(c.pathStyle())
                .credentialsProvider(credentials(c))
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(c.maxConnections()))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        c.endpoint().ifPresent(b::endpointOverride);
        return b.build();
    }

    private static AwsCredentialsProvider credentials(BlobStoreConfig.S3 c) {
        if (c.accessKey().isPresent() && c.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKey().get(), c.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
