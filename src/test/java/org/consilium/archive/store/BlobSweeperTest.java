package org.consilium.archive.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.consilium.archive.BlobStore;
import org.consilium.archive.IngestException;
import org.consilium.archive.StagedBlob;
import org.consilium.audit.AuditActor;
import org.consilium.localstack.ConsiliumTestResource;
import org.junit.jupiter.api.Test;

/**
 * Ingest commits a blob before indexing it, so an instance the index refuses leaves its blob behind; the
 * sweeper removes such blobs once they are older than the grace period, and never one that is indexed or
 * was just committed again.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class BlobSweeperTest {

    private static final IngestSource CHANGXING = new IngestSource(
            UUID.fromString("019a0000-0000-7000-8000-000000000002"), "CHANGXING_PACS",
            new AuditActor("ae:CHANGXING_PACS", "CHANGXING_PACS"));
    private static final IngestSource FUMIN = new IngestSource(
            UUID.fromString("019a0000-0000-7000-8000-000000000003"), "FUMIN_PACS",
            new AuditActor("ae:FUMIN_PACS", "FUMIN_PACS"));

    @Inject
    Ingest ingest;
    @Inject
    BlobStore blobs;
    @Inject
    BlobSweeper sweeper;

    @Test
    void aRefusedInstancesBlobIsSweptAndTheIndexedOnesStay() throws Exception {
        SyntheticSeries s = new SyntheticSeries();
        byte[] kept = s.instance(1, "QIAN^LI");
        byte[] refused = s.instance(2, "QIAN^LI");
        store(kept, CHANGXING);
        IngestException e = assertThrows(IngestException.class, () -> store(refused, FUMIN));
        assertEquals(IngestException.Reason.STUDY_OF_ANOTHER_HOSPITAL, e.reason());
        assertTrue(blobs.exists(key(refused)), "the refused instance's blob was committed before the index refused it");

        BlobSweeper.Swept young = sweeper.sweep(Duration.ofHours(1));
        assertTrue(blobs.exists(key(refused)), "a blob younger than the grace period stays: " + young);

        sweeper.sweep(Duration.ZERO);
        assertFalse(blobs.exists(key(refused)), "the unreferenced blob is gone");
        assertTrue(blobs.exists(key(kept)), "the indexed blob stays");
        try (InputStream in = blobs.open(key(kept))) {
            assertEquals(kept.length, in.readAllBytes().length);
        }
    }

    @Test
    void anOrphanCommittedAgainByTheSameBytesIsNotDeleted() throws Exception {
        byte[] bytes = ("orphan " + UUID.randomUUID()).getBytes();
        String key = commit(bytes);
        Instant cutoff = Instant.now().plusSeconds(1);
        Files.setLastModifiedTime(blobs.path(key), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        assertEquals(key, commit(bytes), "the same bytes, sent again, before the sweeper deletes");
        assertFalse(blobs.deleteIfCommittedBefore(key, Instant.now().minusSeconds(60)),
                "committed again: newer than the sweep's cutoff");
        assertTrue(blobs.exists(key));
        assertTrue(blobs.deleteIfCommittedBefore(key, cutoff));
        assertFalse(blobs.exists(key));
    }

    @Test
    void afterASweepTheStoreHoldsExactlyTheReferencedBlobs() throws Exception {
        SyntheticSeries s = new SyntheticSeries();
        store(s.instance(1, "ZHOU^YU"), CHANGXING);
        assertThrows(IngestException.class, () -> store(s.instance(2, "ZHOU^YU"), FUMIN));
        commit(("stray " + UUID.randomUUID()).getBytes());
        sweeper.sweep(Duration.ZERO);
        List<String> left;
        try (Stream<String> keys = blobs.keysCommittedBefore(Instant.now().plusSeconds(60))) {
            left = keys.toList();
        }
        List<String> unreferenced = left.stream().filter(k -> sweeper.unreferenced(List.of(k)).contains(k)).toList();
        assertEquals(List.of(), unreferenced);
    }

    private void store(byte[] part10, IngestSource source) throws Exception {
        ingest.storeFile(new ByteArrayInputStream(part10), source);
    }

    private String commit(byte[] bytes) throws Exception {
        try (StagedBlob staged = blobs.stage()) {
            staged.output().write(bytes);
            staged.seal();
            return blobs.commit(staged);
        }
    }

    private static String key(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
