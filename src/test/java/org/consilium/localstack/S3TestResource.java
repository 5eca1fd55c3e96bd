package org.consilium.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Puts the server's blobs in the test JVM's S3 server ({@link LocalS3}) instead of on the local disk. */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "consilium-test";

    @Override
    public Map<String, String> start() {
        LocalS3 s3 = LocalS3.shared();
        return Map.of(
                "consilium.archive.blob-store.kind", "s3",
                "consilium.archive.blob-store.s3.endpoint", s3.endpoint().toString(),
                "consilium.archive.blob-store.s3.bucket", BUCKET,
                "consilium.archive.blob-store.s3.access-key", LocalS3.ACCESS_KEY,
                "consilium.archive.blob-store.s3.secret-key", LocalS3.SECRET_KEY,
                "consilium.archive.blob-store.s3.create-bucket", "true",
                "consilium.archive.blob-store.s3.part-size", "5M");
    }

    @Override
    public void stop() {
        // shared across test classes; LocalS3 stops with the JVM
    }
}
