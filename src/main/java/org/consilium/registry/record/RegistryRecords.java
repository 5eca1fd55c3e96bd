package org.consilium.registry.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientView;
import org.consilium.consult.Patients;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalDirectory;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.Problem.FieldError;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.IcdCodes;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.record.FilledFrom.Source;
import org.consilium.registry.report.TumorReports;

/**
 * The tumor registry (肿瘤数据库): a record per patient and primary tumor, opened and filled from what the system
 * knows ({@link RecordSources}), completed and confirmed by a case manager. A field the case manager entered is
 * never overwritten by a later refill; an edit of a confirmed record keeps the confirmed revision whole and starts
 * the next one. Visible to the patient's hospital (and to whoever identity's rule lets see it); every read is audited.
 */
@ApplicationScoped
public class RegistryRecords {

    private static final TypeReference<Map<String, FilledFrom>> PROVENANCE = new TypeReference<>() {
    };

    @Inject
    Patients patients;
    @Inject
    TumorReports reports;
    @Inject
    RecordSources sources;
    @Inject
    RegistryScope scope;
    @Inject
    HospitalDirectory hospitals;
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    /** Opens the record and fills it; 409 when the patient has one for this primary tumor already. */
    @Transactional
    public RecordView create(CurrentUser user, RecordRequests.Create r) {
        RegistryScope.requireCaseManager(user);
        PatientView p = patients.get(user, r.patientId());
        String icd10 = r.icd10() == null || r.icd10().isBlank() ? reports.sitesOf(p.id()).stream().findFirst()
                .map(s -> s.icd10()).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                        "icd10: required, no new-tumor report of the patient names the site (请填写ICD-10编码)",
                        List.of(new FieldError("icd10", "required")))) : IcdCodes.icd10(r.icd10());
        String site = icd10.substring(0, 3);
        RegistryRecord existing = RegistryRecord.find("patientId = ?1 and primarySite = ?2", p.id(), site).firstResult();
        if (existing != null) {
            throw new ProblemException(ProblemType.CONFLICT, "The patient has a registry record for " + site
                    + " already: " + existing.id);
        }
        RegistryRecord rec = new RegistryRecord();
        rec.id = UuidV7.next();
        rec.patientId = p.id();
        rec.hospitalId = p.hospitalId();
        rec.primarySite = site;
        rec.state = RecordState.DRAFT;
        rec.revision = 1;
        rec.createdBy = rec.updatedBy = user.displayName();
        rec.createdAt = rec.updatedAt = Instant.now();
        ObjectNode values = json.valueToTree(RecordContent.EMPTY);
        Map<String, FilledFrom> from = new LinkedHashMap<>();
        RecordSources.Filled filled = sources.fill(user, p, site);
        merge(values, from, filled);
        if (!values.hasNonNull("icd10") || !values.get("icd10").asText().startsWith(site)) {
            values.put("icd10", icd10);
            from.put("icd10", byCaseManager(user, rec.createdAt));
        }
        store(rec, values, from);
        rec.persist();
        audit.record(user.asActor(), rec.hospitalId, "registry.record.create", target(rec.id), Outcome.SUCCESS,
                "patient " + p.id() + " " + site + ", filled " + from.keySet());
        em.flush();
        return view(rec, p);
    }

    /** The records of the hospitals the caller may see (or of one of them), newest change first. Audited. */
    @Transactional
    public Page<RecordView> list(CurrentUser user, UUID hospitalId, RecordState state, int offset, int limit) {
        List<RegistryRecord> rows = query(user, hospitalId, state).range(offset, offset + limit - 1).list();
        long total = query(user, hospitalId, state).count();
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(r -> r.patientId).distinct().toList());
        audit.record(user.asActor(), ownHospital(user), "registry.record.list", "registry-records", Outcome.SUCCESS,
                "hospital=" + hospitalId + " state=" + state + " -> " + total);
        return new Page<>(rows.stream().map(r -> view(r, byId.get(r.patientId))).toList(), total, offset, limit);
    }

    /** Every record of the list's scope, for an export; the caller audits the export. */
    List<RecordView> all(CurrentUser user, UUID hospitalId, RecordState state) {
        List<RegistryRecord> rows = query(user, hospitalId, state).list();
        Map<UUID, PatientView> byId = patients.byIds(rows.stream().map(r -> r.patientId).distinct().toList());
        return rows.stream().map(r -> view(r, byId.get(r.patientId))).toList();
    }

    @Transactional
    public RecordView get(CurrentUser user, UUID id) {
        RegistryRecord rec = load(user, id, "registry.record.read");
        audit.record(user.asActor(), rec.hospitalId, "registry.record.read", target(id), Outcome.SUCCESS, null);
        return view(rec);
    }

    /** A record for an export of it; the caller audits the export under its own action. */
    RecordView read(CurrentUser user, UUID id, String action) {
        return view(load(user, id, action));
    }

    /**
     * The case manager's completion: every field as the record should read. Fields that changed are theirs from now
     * on. A confirmed record needs a reason; its confirmed revision is kept and the record is a draft again.
     */
    @Transactional
    public RecordView complete(CurrentUser user, UUID id, long version, RecordRequests.Completion r) {
        RegistryRecord rec = loadForChange(user, id, version, "registry.record.complete");
        RecordContent content = RecordRules.checked(r.content(), rec.primarySite, LocalDate.now(RecordSources.ZONE));
        String reason = RecordRules.blankToNull(r.reason());
        if (rec.state == RecordState.CONFIRMED && reason == null) {
            throw new ProblemException(ProblemType.VALIDATION, "reason: a confirmed record is changed with a reason,"
                    + " and the change starts a new revision (修改已确认的档案须说明原因)",
                    List.of(new FieldError("reason", "required")));
        }
        Instant now = Instant.now();
        ObjectNode before = (ObjectNode) tree(rec.content);
        ObjectNode after = json.valueToTree(content);
        Map<String, FilledFrom> from = provenance(rec.provenance);
        List<String> changed = new ArrayList<>();
        after.fieldNames().forEachRemaining(f -> {
            if (!after.get(f).equals(before.get(f))) {
                changed.add(f);
                if (after.get(f).isNull()) {
                    from.remove(f);
                } else {
                    from.put(f, byCaseManager(user, now));
                }
            }
        });
        if (rec.state == RecordState.CONFIRMED && !changed.isEmpty()) {
            amend(rec, user, now, reason);
        }
        store(rec, after, from);
        touch(rec, user, now);
        audit.record(user.asActor(), rec.hospitalId, "registry.record.complete", target(id), Outcome.SUCCESS,
                "revision " + rec.revision + ", changed " + changed + (reason == null ? "" : ", reason: " + reason));
        em.flush();
        return view(rec);
    }

    /** Fills a draft again from the sources, leaving every field the case manager entered as they entered it. */
    @Transactional
    public RecordView refill(CurrentUser user, UUID id, long version) {
        RegistryRecord rec = loadForChange(user, id, version, "registry.record.refill");
        requireDraft(rec);
        PatientView p = patients.byIds(List.of(rec.patientId)).get(rec.patientId);
        ObjectNode values = (ObjectNode) tree(rec.content);
        Map<String, FilledFrom> from = provenance(rec.provenance);
        merge(values, from, sources.fill(user, p, rec.primarySite));
        store(rec, values, from);
        touch(rec, user, Instant.now());
        audit.record(user.asActor(), rec.hospitalId, "registry.record.refill", target(id), Outcome.SUCCESS, null);
        em.flush();
        return view(rec, p);
    }

    /** Confirms a complete draft (who, when); 400 naming what is missing or wrong, 409 when confirmed already. */
    @Transactional
    public RecordView confirm(CurrentUser user, UUID id, long version) {
        RegistryRecord rec = loadForChange(user, id, version, "registry.record.confirm");
        requireDraft(rec);
        RecordContent content = content(rec);
        List<String> missing = RecordRules.missingForConfirmation(content);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The record lacks " + missing + " to be confirmed"
                    + " (档案不完整，不能确认)", missing.stream().map(f -> new FieldError(f, "required to confirm")).toList());
        }
        RecordRules.checked(content, rec.primarySite, LocalDate.now(RecordSources.ZONE));
        Instant now = Instant.now();
        rec.state = RecordState.CONFIRMED;
        rec.confirmedById = user.id();
        rec.confirmedBy = user.displayName();
        rec.confirmedAt = now;
        touch(rec, user, now);
        RecordRevision kept = new RecordRevision();
        kept.recordId = rec.id;
        kept.revision = rec.revision;
        kept.content = rec.content;
        kept.provenance = rec.provenance;
        kept.confirmedById = rec.confirmedById;
        kept.confirmedBy = rec.confirmedBy;
        kept.confirmedAt = now;
        kept.persist();
        audit.record(user.asActor(), rec.hospitalId, "registry.record.confirm", target(id), Outcome.SUCCESS,
                "revision " + rec.revision);
        em.flush();
        return view(rec);
    }

    static String target(UUID id) {
        return "registry-record:" + id;
    }

    RecordContent content(RegistryRecord rec) {
        try {
            return json.readValue(rec.content, RecordContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registry_record " + rec.id + " holds unreadable content", e);
        }
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<RegistryRecord> query(CurrentUser user, UUID hospitalId,
                                                                                RecordState state) {
        List<UUID> seen = scope.visibleHospitals(user);
        if (hospitalId != null) {
            if (!seen.contains(hospitalId)) {
                audit.record(user.asActor(), ownHospital(user), "registry.record.list", "hospital:" + hospitalId,
                        Outcome.DENIED, "not a hospital the caller may see");
                throw ProblemException.notFound("Hospital " + hospitalId);
            }
            seen = List.of(hospitalId);
        }
        return state == null
                ? RegistryRecord.find("hospitalId in ?1 order by updatedAt desc, id", seen)
                : RegistryRecord.find("hospitalId in ?1 and state = ?2 order by updatedAt desc, id", seen, state);
    }

    private RegistryRecord load(CurrentUser user, UUID id, String action) {
        RegistryRecord rec = RegistryRecord.findById(id);
        if (rec == null || !scope.maySee(user, rec.hospitalId)) {
            if (rec != null) {
                audit.record(user.asActor(), ownHospital(user), action, target(id), Outcome.DENIED,
                        "not the patient's hospital");
            }
            throw ProblemException.notFound("Registry record " + id);
        }
        return rec;
    }

    private RegistryRecord loadForChange(CurrentUser user, UUID id, long version, String action) {
        RegistryRecord rec = load(user, id, action);
        RegistryScope.requireCaseManager(user);
        if (rec.version != version) {
            throw new ProblemException(ProblemType.CONFLICT, "Registry record " + id + " is at version " + rec.version
                    + ", not " + version + "; reload it");
        }
        return rec;
    }

    private static void requireDraft(RegistryRecord rec) {
        if (rec.state != RecordState.DRAFT) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "Registry record " + rec.id + " is confirmed;"
                    + " change it with a reason, which starts a new revision");
        }
    }

    /** Marks the confirmed revision as superseded and opens the next one as a draft. */
    private void amend(RegistryRecord rec, CurrentUser user, Instant now, String reason) {
        RecordRevision kept = RecordRevision.find("recordId = ?1 and revision = ?2", rec.id, rec.revision)
                .firstResult();
        kept.amendedBy = user.displayName();
        kept.amendedAt = now;
        kept.amendReason = reason;
        rec.revision++;
        rec.state = RecordState.DRAFT;
        rec.confirmedById = null;
        rec.confirmedBy = null;
        rec.confirmedAt = null;
    }

    /** Takes each filled value unless the case manager entered that field. */
    private static void merge(ObjectNode values, Map<String, FilledFrom> from, RecordSources.Filled filled) {
        filled.values().fieldNames().forEachRemaining(f -> {
            FilledFrom had = from.get(f);
            if (had == null || had.source() != Source.CASE_MANAGER) {
                values.set(f, filled.values().get(f));
                from.put(f, filled.from().get(f));
            }
        });
    }

    private void store(RegistryRecord rec, ObjectNode values, Map<String, FilledFrom> from) {
        try {
            rec.content = json.writeValueAsString(json.treeToValue(values, RecordContent.class));
            rec.provenance = json.writeValueAsString(from);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void touch(RegistryRecord rec, CurrentUser user, Instant now) {
        rec.updatedBy = user.displayName();
        rec.updatedAt = now;
    }

    private static FilledFrom byCaseManager(CurrentUser user, Instant at) {
        return new FilledFrom(Source.CASE_MANAGER, user.id(), user.displayName(), at);
    }

    private JsonNode tree(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, FilledFrom> provenance(String s) {
        try {
            return new LinkedHashMap<>(json.readValue(s, PROVENANCE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID ownHospital(CurrentUser user) {
        return user.hospital().map(HospitalView::id).orElse(null);
    }

    private RecordView view(RegistryRecord rec) {
        return view(rec, patients.byIds(List.of(rec.patientId)).get(rec.patientId));
    }

    private RecordView view(RegistryRecord rec, PatientView p) {
        RecordContent content = content(rec);
        List<RecordView.Revision> revisions = RecordRevision.<RecordRevision>list(
                "recordId = ?1 order by revision", rec.id).stream().map(v -> new RecordView.Revision(v.revision,
                v.confirmedBy, v.confirmedAt, v.amendedBy, v.amendedAt, v.amendReason)).toList();
        return new RecordView(rec.id, rec.version, p, rec.hospitalId,
                hospitals.byId(rec.hospitalId).map(HospitalView::name).orElse(null), rec.primarySite, rec.state,
                rec.revision, content, provenance(rec.provenance), RecordRules.missingForConfirmation(content),
                rec.createdBy, rec.createdAt, rec.updatedBy, rec.updatedAt, rec.confirmedBy, rec.confirmedAt,
                revisions);
    }
}
