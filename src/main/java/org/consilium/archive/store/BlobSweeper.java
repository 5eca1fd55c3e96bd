package org.consilium.archive.store;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.consilium.archive.ArchiveConfig;
import org.consilium.archive.BlobReferences;
import org.consilium.archive.BlobStore;
import org.jboss.logging.Logger;

/**
 * Removes blobs that nothing references. Ingest commits an instance's blob before indexing it, so that an
 * index row never names missing bytes; an instance the index then refuses (a study of another hospital, a
 * value no column can take, the database gone) or a crash in between leaves its blob behind. Every replica
 * sweeps now and then: a blob older than the grace period that no {@link BlobReferences} claims is deleted.
 * The grace period covers an ingest between its commit and its index row. A blob committed again by
 * identical bytes counts as new from that commit (the stores renew its time), and the delete checks that
 * time again, so a resent instance keeps its bytes; what remains is the instant between that check and the
 * delete itself.
 */
@ApplicationScoped
public class BlobSweeper {

    private static final Logger LOG = Logger.getLogger(BlobSweeper.class);
    private static final int BATCH = 500;

    @Inject
    BlobStore blobs;
    @Inject
    @Any
    Instance<BlobReferences> references;
    @Inject
    ArchiveConfig config;
    @Inject
    Scheduler scheduler;

    /** What one sweep looked at and removed. */
    public record Swept(int examined, int deleted) {
    }

    void schedule(@Observes StartupEvent started) {
        BlobStoreConfig.Sweep sweep = config.blobStore().sweep();
        scheduler.newJob("blob-sweep").setInterval(sweep.every().toString()).setDelayed(sweep.every().toString())
                .setTask(execution -> sweepNow(sweep.grace())).schedule();
    }

    private void sweepNow(Duration grace) {
        try {
            Swept swept = sweep(grace);
            LOG.infof("blob sweep: %d blobs older than %s examined, %d unreferenced removed", swept.examined(),
                    grace, swept.deleted());
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "blob sweep failed; it runs again in %s", config.blobStore().sweep().every());
        }
    }

    /** Deletes the blobs older than {@code grace} that no capability references. */
    public Swept sweep(Duration grace) throws IOException {
        int examined = 0;
        int deleted = 0;
        Instant cutoff = Instant.now().minus(grace);
        try (Stream<String> keys = blobs.keysCommittedBefore(cutoff)) {
            Iterator<String> it = keys.iterator();
            List<String> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH || !it.hasNext()) {
                    examined += batch.size();
                    deleted += deleteUnreferenced(batch, cutoff);
                    batch.clear();
                }
            }
        }
        return new Swept(examined, deleted);
    }

    private int deleteUnreferenced(List<String> batch, Instant cutoff) throws IOException {
        int deleted = 0;
        for (String key : unreferenced(batch)) {
            if (blobs.deleteIfCommittedBefore(key, cutoff)) {
                deleted++;
            }
        }
        return deleted;
    }

    /** The keys among {@code keys} that no capability references. */
    public Set<String> unreferenced(List<String> keys) {
        Set<String> left = new HashSet<>(keys);
        for (BlobReferences r : references) {
            left.removeAll(r.referenced(keys));
        }
        return left;
    }
}
