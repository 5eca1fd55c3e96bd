package org.consilium.archive.dimse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.consilium.archive.ArchiveConfig;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.identity.HospitalView;
import org.consilium.identity.Role;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * The AE registry: each hospital's DICOM application entities. Anyone who may see a hospital may list its
 * entries; its hospital-admins and platform-admins change them. {@link #byTitle} serves the DIMSE side on
 * every association, from a cache that this replica clears when a change commits and that other replicas
 * refresh after {@code consilium.archive.ae-cache-ttl}.
 */
@ApplicationScoped
public class AeRegistry {

    private static final int CACHE_LIMIT = 10_000;

    @Inject
    HospitalAccess access;
    @Inject
    AuditLog audit;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Event<AeRenamed> renamed;
    @Inject
    ArchiveConfig config;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** Fired inside the renaming transaction, so that work queued for the old title follows the AE. */
    public record AeRenamed(String oldTitle, String newTitle) {
    }

    private record Cached(Optional<AeEntry> entry, long loadedAt) {
    }

    /** The entry for a calling or called AE title (padding ignored), or empty when it is not registered. */
    public Optional<AeEntry> byTitle(String aeTitle) {
        String title = aeTitle == null ? "" : aeTitle.strip();
        long now = System.nanoTime();
        Cached hit = cache.get(title);
        if (hit != null && now - hit.loadedAt() < config.aeCacheTtl().toNanos()) {
            return hit.entry();
        }
        long seen = generation.get();
        Optional<AeEntry> entry = QuarkusTransaction.joiningExisting()
                .call(() -> ApplicationEntity.byTitle(title).map(ApplicationEntity::toEntry));
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // unknown callers could otherwise grow it without bound
        }
        if (generation.get() == seen) { // a change committed meanwhile would make this stale
            cache.put(title, new Cached(entry, now));
        }
        return entry;
    }

    public List<AeEntry> list(CurrentUser user, UUID hospitalId) {
        access.requireVisible(user, hospitalId, "ae.list");
        return ApplicationEntity.<ApplicationEntity>list("hospitalId", Sort.ascending("aeTitle"), hospitalId)
                .stream().map(ApplicationEntity::toEntry).toList();
    }

    public AeEntry get(CurrentUser user, UUID hospitalId, UUID aeId) {
        access.requireVisible(user, hospitalId, "ae.read");
        return find(hospitalId, aeId).toEntry();
    }

    @Transactional
    public AeEntry create(CurrentUser user, UUID hospitalId, AeRequest request) {
        HospitalView hospital = requireManaged(user, hospitalId, "ae.create");
        requireFreeTitle(request.title(), null);
        ApplicationEntity ae = new ApplicationEntity();
        ae.id = UuidV7.next();
        ae.hospitalId = hospital.id();
        ae.createdAt = Instant.now();
        apply(request, ae);
        save(ae);
        audit.record(user.asActor(), hospital.id(), "ae.create", "ae:" + ae.aeTitle, Outcome.SUCCESS, describe(ae));
        return ae.toEntry();
    }

    @Transactional
    public AeEntry update(CurrentUser user, UUID hospitalId, UUID aeId, AeRequest request) {
        HospitalView hospital = requireManaged(user, hospitalId, "ae.update");
        ApplicationEntity ae = find(hospitalId, aeId);
        String oldTitle = ae.aeTitle;
        requireFreeTitle(request.title(), ae.id);
        String before = describe(ae);
        apply(request, ae);
        save(ae);
        if (!oldTitle.equals(ae.aeTitle)) {
            renamed.fire(new AeRenamed(oldTitle, ae.aeTitle));
        }
        audit.record(user.asActor(), hospital.id(), "ae.update", "ae:" + oldTitle, Outcome.SUCCESS,
                before + " -> " + describe(ae));
        return ae.toEntry();
    }

    @Transactional
    public void delete(CurrentUser user, UUID hospitalId, UUID aeId) {
        HospitalView hospital = requireManaged(user, hospitalId, "ae.delete");
        ApplicationEntity ae = find(hospitalId, aeId);
        ae.delete();
        invalidateOnCompletion();
        audit.record(user.asActor(), hospital.id(), "ae.delete", "ae:" + ae.aeTitle, Outcome.SUCCESS, describe(ae));
    }

    /** Visible (else 404) and the caller administers it (else 403): platform-admin, or its own hospital-admin. */
    private HospitalView requireManaged(CurrentUser user, UUID hospitalId, String action) {
        HospitalView hospital = access.requireVisible(user, hospitalId, action);
        boolean own = user.hospital().map(h -> h.id().equals(hospitalId)).orElse(false);
        if (user.hasRole(Role.PLATFORM_ADMIN) || own && user.hasRole(Role.HOSPITAL_ADMIN)) {
            return hospital;
        }
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), action,
                "hospital:" + hospitalId, Outcome.DENIED, "not an administrator of this hospital");
        throw new ProblemException(ProblemType.FORBIDDEN, "Only this hospital's administrators manage its AEs");
    }

    private static ApplicationEntity find(UUID hospitalId, UUID aeId) {
        return ApplicationEntity.<ApplicationEntity>findByIdOptional(aeId)
                .filter(ae -> ae.hospitalId.equals(hospitalId))
                .orElseThrow(() -> ProblemException.notFound("Application entity " + aeId));
    }

    private static void requireFreeTitle(String title, UUID self) {
        Optional<ApplicationEntity> other = ApplicationEntity.byTitle(title);
        if (other.isPresent() && !other.get().id.equals(self)) {
            throw duplicate(title);
        }
    }

    private static ProblemException duplicate(String title) {
        return new ProblemException(ProblemType.CONFLICT, "AE title " + title + " is already registered");
    }

    private static void apply(AeRequest r, ApplicationEntity ae) {
        ae.aeTitle = r.title();
        ae.host = r.host();
        ae.port = r.port();
        ae.mayStore = r.mayStore() == null || r.mayStore();
        ae.mayQuery = r.mayQuery() == null || r.mayQuery();
        ae.mayReceive = r.mayReceive() == null || r.mayReceive();
        ae.description = r.description();
    }

    /** Flushes now, so that a title taken by a concurrent request surfaces as 409 and not at commit. */
    private void save(ApplicationEntity ae) {
        try {
            ae.persistAndFlush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) { // the only unique key besides the id is the title
                throw duplicate(ae.aeTitle);
            }
            throw e;
        }
        invalidateOnCompletion();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void invalidateOnCompletion() {
        invalidate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                invalidate();
            }
        });
    }

    private void invalidate() {
        generation.incrementAndGet();
        cache.clear();
    }

    private static String describe(ApplicationEntity ae) {
        return ae.aeTitle + "@" + ae.host + ":" + ae.port + (ae.mayStore ? " store" : "")
                + (ae.mayQuery ? " query" : "") + (ae.mayReceive ? " receive" : "");
    }
}
