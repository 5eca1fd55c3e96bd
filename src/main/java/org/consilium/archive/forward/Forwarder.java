package org.consilium.archive.forward;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.archive.StudyAccess;
import org.consilium.archive.dimse.AeEntry;
import org.consilium.archive.dimse.AeRegistry;
import org.consilium.archive.store.InstanceLocator;
import org.consilium.archive.store.StoredInstance;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Queues C-STORE forwarding of stored instances to registered AEs; {@link ForwardWorker} sends them. A user
 * may forward what their hospital may see, and only to an AE whose hospital may see it too: forwarding never
 * gives a hospital a study it could not read through DICOMweb.
 */
@ApplicationScoped
public class Forwarder {

    @Inject
    AeRegistry registry;
    @Inject
    StudyAccess studies;
    @Inject
    InstanceLocator locator;
    @Inject
    AuditLog audit;

    @Transactional
    public List<ForwardJobView> forward(CurrentUser user, ForwardRequest request) {
        UUID hospitalId = user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital"));
        AeEntry target = receivingAe(request.targetAe());
        List<StoredInstance> instances = instances(hospitalId, request);
        Map<String, List<StoredInstance>> byStudy = new LinkedHashMap<>();
        instances.forEach(si -> byStudy.computeIfAbsent(si.studyUid(), k -> new ArrayList<>()).add(si));
        for (String study : byStudy.keySet()) {
            if (!studies.maySee(target.hospitalId(), study)) {
                audit.record(user.asActor(), hospitalId, "forward.create", "study:" + study, Outcome.DENIED,
                        "not shared with the hospital of " + target.aeTitle());
                throw new ProblemException(ProblemType.FORBIDDEN, "Study " + study + " is not shared with the hospital"
                        + " of " + target.aeTitle() + "; grant it access first");
            }
        }
        Instant now = Instant.now();
        List<ForwardJobView> jobs = new ArrayList<>(instances.size());
        for (StoredInstance si : instances) {
            jobs.add(enqueue(hospitalId, target.aeTitle(), si, user.username(), now).toView());
        }
        byStudy.forEach((study, list) -> audit.record(user.asActor(), hospitalId, "forward.create", "study:" + study,
                Outcome.SUCCESS, list.size() + " instances to " + target.aeTitle()));
        return jobs;
    }

    /** The caller's hospital's jobs, newest first; a platform-admin without a hospital sees every job. */
    public Page<ForwardJobView> list(CurrentUser user, ForwardState state, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        UUID hospitalId = scope(user);
        if (hospitalId != null) {
            where.add("hospitalId = :hospital");
            params.and("hospital", hospitalId);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var found = ForwardJob.<ForwardJob>find(query, Sort.descending("createdAt", "id"), params.map());
        long total = found.count();
        List<ForwardJobView> items = found.range(offset, offset + limit - 1).list().stream()
                .map(ForwardJob::toView).toList();
        audit.record(user.asActor(), hospitalId, "forward.list", "forwarding", Outcome.SUCCESS,
                items.size() + " of " + total + " jobs" + (state != null ? " " + state : ""));
        return new Page<>(items, total, offset, limit);
    }

    public ForwardJobView get(CurrentUser user, UUID id) {
        UUID hospitalId = scope(user);
        ForwardJobView job = ForwardJob.<ForwardJob>findByIdOptional(id)
                .filter(j -> hospitalId == null || j.hospitalId.equals(hospitalId))
                .map(ForwardJob::toView)
                .orElseThrow(() -> ProblemException.notFound("Forwarding job " + id));
        audit.record(user.asActor(), hospitalId, "forward.read", "forward:" + id, Outcome.SUCCESS, null);
        return job;
    }

    /** Work queued for a renamed AE follows it. */
    void onRename(@Observes AeRegistry.AeRenamed renamed) {
        ForwardJob.update("targetAe = ?1 where targetAe = ?2 and state = ?3", renamed.newTitle(), renamed.oldTitle(),
                ForwardState.PENDING);
    }

    /** The hospital whose jobs the user sees, or null for all of them. */
    private static UUID scope(CurrentUser user) {
        UUID own = user.hospital().map(HospitalView::id).orElse(null);
        if (own == null && !user.hasRole(Role.PLATFORM_ADMIN)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital");
        }
        return own;
    }

    private AeEntry receivingAe(String title) {
        AeEntry ae = registry.byTitle(title)
                .orElseThrow(() -> new ProblemException(ProblemType.BAD_REQUEST, "targetAe " + title.strip()
                        + " is not a registered application entity"));
        if (!ae.mayReceive()) {
            throw new ProblemException(ProblemType.CONFLICT, ae.aeTitle() + " is registered as not receiving"
                    + " (mayReceive is false)");
        }
        return ae;
    }

    /** The instances the request names, each visible to the hospital; 404 for anything else. */
    private List<StoredInstance> instances(UUID hospitalId, ForwardRequest r) {
        boolean byStudy = r.studyUid() != null && !r.studyUid().isBlank();
        boolean byInstance = r.sopInstanceUids() != null && !r.sopInstanceUids().isEmpty();
        if (byStudy == byInstance) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "give either studyUid or sopInstanceUids");
        }
        if (byStudy) {
            List<StoredInstance> found = studies.maySee(hospitalId, r.studyUid())
                    ? locator.find(r.studyUid(), null, null) : List.of();
            if (found.isEmpty()) {
                throw ProblemException.notFound("Study " + r.studyUid());
            }
            return found;
        }
        Set<String> wanted = new LinkedHashSet<>(r.sopInstanceUids());
        Map<String, Boolean> visible = new LinkedHashMap<>();
        List<StoredInstance> found = locator.bySopInstanceUids(wanted).stream()
                .filter(si -> visible.computeIfAbsent(si.studyUid(), st -> studies.maySee(hospitalId, st))).toList();
        Set<String> missing = new LinkedHashSet<>(wanted);
        found.forEach(si -> missing.remove(si.sopInstanceUid()));
        if (!missing.isEmpty()) {
            throw ProblemException.notFound("Instance " + missing.iterator().next());
        }
        return found;
    }

    private static ForwardJob enqueue(UUID hospitalId, String targetAe, StoredInstance si, String by, Instant now) {
        ForwardJob job = new ForwardJob();
        job.id = UuidV7.next();
        job.hospitalId = hospitalId;
        job.targetAe = targetAe;
        job.studyUid = si.studyUid();
        job.sopInstanceUid = si.sopInstanceUid();
        job.state = ForwardState.PENDING;
        job.nextAttemptAt = now;
        job.createdBy = by;
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        return job;
    }
}
