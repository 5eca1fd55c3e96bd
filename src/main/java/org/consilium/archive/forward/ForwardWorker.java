package org.consilium.archive.forward;

import org.consilium.archive.ArchiveConfig;
import io.quarkus.scheduler.Scheduled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.consilium.archive.BlobStore;
import org.consilium.archive.dimse.AeEntry;
import org.consilium.archive.dimse.AeRegistry;
import org.consilium.archive.dimse.InstanceSender;
import org.consilium.archive.store.InstanceLocator;
import org.consilium.archive.store.StoredInstance;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.platform.SqlGauges;
import org.jboss.logging.Logger;

/**
 * Sends due forwarding jobs. Every replica runs it; {@link ForwardQueue#claimDue} keeps them from sending the
 * same job twice. Each round opens one association per target AE.
 */
@ApplicationScoped
public class ForwardWorker {

    private static final Logger LOG = Logger.getLogger(ForwardWorker.class);

    @Inject
    ForwardQueue queue;
    @Inject
    ArchiveConfig archive;
    @Inject
    AeRegistry registry;
    @Inject
    InstanceLocator locator;
    @Inject
    BlobStore blobs;
    @Inject
    InstanceSender sender;
    @Inject
    AuditLog audit;
    @Inject
    MeterRegistry meters;
    @Inject
    SqlGauges gauges;

    void meters(@Observes StartupEvent event) {
        gauges.register("consilium.forward.queue", "forwarding jobs waiting to be sent (all replicas)",
                "select count(*) from forward_job where state = 'PENDING'");
    }

    @Scheduled(identity = "forwarding", every = "${consilium.archive.forward.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (runOnce() == archive.forward().batchSize()) {
                // a full batch: there may be more due
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "forwarding round failed; the jobs stay queued");
        }
    }

    /** Claims one batch of due jobs and sends them; returns how many were claimed. */
    public int runOnce() {
        List<ForwardQueue.Claimed> jobs = queue.claimDue(archive.forward().batchSize());
        Map<String, List<ForwardQueue.Claimed>> byTarget = new LinkedHashMap<>();
        jobs.forEach(j -> byTarget.computeIfAbsent(j.targetAe(), k -> new ArrayList<>()).add(j));
        byTarget.forEach(this::deliver);
        return jobs.size();
    }

    private void deliver(String targetAe, List<ForwardQueue.Claimed> jobs) {
        AeEntry target = registry.byTitle(targetAe).filter(AeEntry::mayReceive).orElse(null);
        if (target == null) {
            jobs.forEach(j -> giveUp(j, targetAe + " is no longer registered to receive"));
            return;
        }
        Map<String, StoredInstance> stored = locator.bySopInstanceUids(
                jobs.stream().map(ForwardQueue.Claimed::sopInstanceUid).toList()).stream()
                .collect(Collectors.toMap(StoredInstance::sopInstanceUid, Function.identity(), (a, b) -> a));
        List<ForwardQueue.Claimed> sendable = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (ForwardQueue.Claimed j : jobs) {
            StoredInstance si = stored.get(j.sopInstanceUid());
            if (si == null) {
                giveUp(j, "instance " + j.sopInstanceUid() + " is no longer stored");
            } else {
                sendable.add(j);
                files.add(blobs.path(si.blobKey()));
            }
        }
        if (!sendable.isEmpty()) {
            record(target, sendable, send(target, files));
        }
    }

    private List<InstanceSender.Delivery> send(AeEntry target, List<Path> files) {
        try {
            return sender.send(target, files);
        } catch (Exception e) {
            String error = "cannot associate with " + target.aeTitle() + " at " + target.host() + ":" + target.port()
                    + ": " + InstanceSender.describe(e);
            return files.stream().map(f -> new InstanceSender.Delivery(false, error)).toList();
        }
    }

    private void record(AeEntry target, List<ForwardQueue.Claimed> jobs, List<InstanceSender.Delivery> deliveries) {
        Map<UUID, List<UUID>> doneByHospital = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            ForwardQueue.Claimed j = jobs.get(i);
            InstanceSender.Delivery d = deliveries.get(i);
            if (d.stored()) {
                doneByHospital.computeIfAbsent(j.hospitalId(), k -> new ArrayList<>()).add(j.id());
            } else if (queue.failed(j.id(), d.error()) == ForwardState.FAILED) {
                auditFailure(j, d.error());
            } else {
                failures("retry").increment();
            }
        }
        doneByHospital.forEach((hospital, ids) -> {
            queue.done(ids);
            audit.record(AuditActor.SYSTEM, hospital, "forward.sent", "ae:" + target.aeTitle(), Outcome.SUCCESS,
                    ids.size() + " instances stored by " + target.aeTitle());
        });
    }

    private void giveUp(ForwardQueue.Claimed job, String error) {
        queue.giveUp(job.id(), error);
        auditFailure(job, error);
    }

    /** {@code consilium_forward_failures_total{kind}}: attempts to be retried, and jobs failed for good. */
    private Counter failures(String kind) {
        return Counter.builder("consilium.forward.failures").description("failed forwarding attempts")
                .tag("kind", kind).register(meters);
    }

    private void auditFailure(ForwardQueue.Claimed job, String error) {
        failures("final").increment();
        LOG.warnf("forwarding %s to %s failed for good: %s", job.sopInstanceUid(), job.targetAe(), error);
        audit.record(AuditActor.SYSTEM, job.hospitalId(), "forward.failed", "ae:" + job.targetAe(), Outcome.FAILED,
                "instance " + job.sopInstanceUid() + " of study " + job.studyUid() + ": " + error);
    }
}
