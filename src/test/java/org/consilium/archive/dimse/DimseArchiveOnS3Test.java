package org.consilium.archive.dimse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.S3TestResource;

/**
 * C-STORE ingest, C-FIND, C-MOVE and C-GET with the blobs in a real S3 server: C-MOVE and C-GET read the
 * blobs as files, which the S3 store serves from its read cache. {@link DicomWebOnS3Test} checks that the
 * objects are in the bucket.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
@WithTestResource(S3TestResource.class)
@Typed(DimseArchiveOnS3Test.class) // else Quarkus finds two test beans of the base class's type
class DimseArchiveOnS3Test extends DimseArchiveTest {
}
