package org.consilium.archive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consilium.archive.store.FileBlobStoreTest;
import org.consilium.archive.store.S3BlobStore;
import org.consilium.archive.BlobStore;
import org.consilium.archive.Stow;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalS3;
import org.consilium.localstack.S3TestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/** STOW-RS, QIDO-RS and WADO-RS (whole instances, frames, bulk data) with the blobs in a real S3 server. */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
@WithTestResource(S3TestResource.class)
@Typed(DicomWebOnS3Test.class) // else Quarkus finds two test beans of the base class's type
class DicomWebOnS3Test extends DicomWebTest {

    @Inject
    BlobStore blobs;

    @Test
    void aStoredInstanceIsAnObjectInTheBucket() throws Exception {
        assertInstanceOf(S3BlobStore.class, blobs);
        Path file = Stow.dir("lung-phantom/CT").get(45);
        Stow.files(Tokens.of("cx.rt"), List.of(file)).statusCode(200);
        String key = FileBlobStoreTest.sha256(Stow.read(file));
        assertArrayEquals(Stow.read(file),
                Files.readAllBytes(LocalS3.shared().objects().resolve(S3TestResource.BUCKET).resolve(key)));
    }
}
