package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalAccess;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;

/**
 * Each hospital's patient register. A hospital's patients are seen by its own staff, the provincial case
 * managers and platform-admins ({@link HospitalAccess}); every read and search is audited as a PHI read.
 */
@ApplicationScoped
public class Patients {

    private static final String MATCH = "from Patient p where p.hospitalId = :hospital"
            + " and (:q = '' or p.name like :contains escape '!' or p.localId = :q or p.mrn = :q or p.idCard = :qUpper)"
            + " and (:localId = '' or p.localId = :localId) and (:idCard = '' or p.idCard = :idCard)"
            + " and (:mrn = '' or p.mrn = :mrn)";

    @Inject
    HospitalAccess access;
    @Inject
    AuditLog audit;
    @Inject
    EntityManager em;

    /** Registers a patient; 409 {@code conflict} naming the existing patient when one has the same IDs. */
    @Transactional
    public PatientView create(CurrentUser user, PatientRequest r) {
        UUID hospitalId = r.hospitalId() != null ? r.hospitalId() : user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "Your account belongs to no hospital"));
        access.requireVisible(user, hospitalId, "patient.create");
        String idCard = IdCardNumber.normalize(r.idCard());
        validate(r, idCard);
        String mrn = r.mrn() == null || r.mrn().isBlank() ? null : r.mrn().strip();
        rejectDuplicate(hospitalId, r.localId().strip(), idCard, mrn);
        Patient p = new Patient();
        p.id = UuidV7.next();
        p.hospitalId = hospitalId;
        p.localId = r.localId().strip();
        p.name = ChineseName.normalize(r.name());
        p.sex = r.sex();
        p.birthDate = r.birthDate() != null || idCard == null ? r.birthDate() : IdCardNumber.birthDate(idCard);
        p.idCard = idCard;
        p.mrn = mrn;
        p.createdAt = p.updatedAt = Instant.now();
        try {
            p.persist();
            em.flush();
        } catch (PersistenceException e) { // a concurrent registration won the unique index
            throw new ProblemException(ProblemType.CONFLICT, "This patient is already registered in the hospital");
        }
        audit.record(user.asActor(), hospitalId, "patient.create", target(p.id), Outcome.SUCCESS, p.localId);
        return PatientView.of(p);
    }

    /**
     * The hospital's patient with the same local ID, ID card or MRN as {@code r} (an audited read), or else a new
     * one registered from {@code r}: reporting a patient twice never registers them twice. 409 {@code conflict}
     * when the match has another name, which is a typing error to fix rather than the same person.
     */
    @Transactional
    public PatientView findOrCreate(CurrentUser user, PatientRequest r) {
        UUID hospitalId = r.hospitalId() != null ? r.hospitalId() : user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "Your account belongs to no hospital"));
        access.requireVisible(user, hospitalId, "patient.create");
        String idCard = IdCardNumber.normalize(r.idCard());
        validate(r, idCard);
        String mrn = r.mrn() == null || r.mrn().isBlank() ? null : r.mrn().strip();
        Optional<Patient> same = sameIds(hospitalId, r.localId().strip(), idCard, mrn);
        if (same.isEmpty()) {
            return create(user, r);
        }
        Patient p = same.get();
        if (!p.name.equals(ChineseName.normalize(r.name()))) {
            throw new ProblemException(ProblemType.CONFLICT, "Patient " + p.id + " of this hospital has the same IDs"
                    + " but another name (" + p.name + "); check the IDs or the name (患者信息不一致)");
        }
        audit.record(user.asActor(), hospitalId, "patient.read", target(p.id), Outcome.SUCCESS, "matched by IDs");
        return PatientView.of(p);
    }

    /**
     * Patients by id, for a capability that has already decided the caller may see them (a referral's receiving
     * hospital sees the patient it receives) and audits that read itself. Unknown ids are left out.
     */
    public Map<UUID, PatientView> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Patient.<Patient>list("id in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(p -> p.id, PatientView::of));
    }

    /** One patient (audited PHI read); 404 when the caller may not see the patient's hospital. */
    @Transactional
    public PatientView get(CurrentUser user, UUID id) {
        Patient p = require(user, id, "patient.read");
        audit.record(user.asActor(), p.hospitalId, "patient.read", target(p.id), Outcome.SUCCESS, null);
        return PatientView.of(p);
    }

    /**
     * Searches one hospital's register (the caller's own by default). {@code q} matches a part of the name
     * (Chinese characters, after {@link ChineseName#normalize}) or, exactly, the local ID, MRN or ID-card number.
     * Exact name matches come first, then names that start with {@code q}, then the rest.
     */
    @Transactional
    public Page<PatientView> search(CurrentUser user, UUID hospitalId, String q, String localId, String idCard,
                                    String mrn, int offset, int limit) {
        UUID hospital = hospitalId != null ? hospitalId : user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "Your account belongs to no hospital"));
        access.requireVisible(user, hospital, "patient.search");
        String query = q == null ? "" : q.strip();
        String name = ChineseName.normalize(query);
        TypedQuery<Patient> select = em.createQuery(MATCH + " order by case when p.name = :name then 0"
                + " when p.name like :prefix escape '!' then 1 else 2 end, p.name, p.localId", Patient.class);
        bind(select, hospital, query, localId, idCard, mrn);
        select.setParameter("name", name).setParameter("prefix", ChineseName.prefixPattern(query));
        List<PatientView> items = select.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(PatientView::of).toList();
        TypedQuery<Long> count = em.createQuery("select count(p) " + MATCH, Long.class);
        bind(count, hospital, query, localId, idCard, mrn);
        long total = count.getSingleResult();
        audit.record(user.asActor(), hospital, "patient.search", "hospital:" + hospital, Outcome.SUCCESS,
                "q=" + query + " localId=" + blank(localId) + " idCard=" + blank(idCard) + " mrn=" + blank(mrn)
                        + " -> " + total);
        return new Page<>(items, total, offset, limit);
    }

    /** The patient when the caller may see the hospital it belongs to; 404 (audited) otherwise. */
    Patient require(CurrentUser user, UUID id, String action) {
        Patient p = Patient.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Patient " + id);
        }
        try {
            access.requireVisible(user, p.hospitalId, action);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Patient " + id);
        }
        return p;
    }

    static String target(UUID patientId) {
        return "patient:" + patientId;
    }

    private static void validate(PatientRequest r, String idCard) {
        if (idCard == null) {
            return;
        }
        if (!IdCardNumber.isValid(idCard)) {
            throw new ProblemException(ProblemType.VALIDATION, "idCard: not a valid resident identity card number"
                    + " (身份证号码校验失败)");
        }
        if (r.birthDate() != null && !r.birthDate().equals(IdCardNumber.birthDate(idCard))) {
            throw new ProblemException(ProblemType.VALIDATION, "birthDate: does not match the ID card ("
                    + IdCardNumber.birthDate(idCard) + ")");
        }
    }

    private static Optional<Patient> sameIds(UUID hospitalId, String localId, String idCard, String mrn) {
        return Patient.<Patient>find("hospitalId = ?1 and (localId = ?2 or idCard = ?3 or mrn = ?4)",
                hospitalId, localId, idCard == null ? "" : idCard, mrn == null ? "" : mrn).firstResultOptional();
    }

    private static void rejectDuplicate(UUID hospitalId, String localId, String idCard, String mrn) {
        Optional<Patient> same = sameIds(hospitalId, localId, idCard, mrn);
        if (same.isPresent()) {
            Patient p = same.get();
            String field = p.localId.equals(localId) ? "local ID" : idCard != null && idCard.equals(p.idCard)
                    ? "ID card" : "medical record number";
            throw new ProblemException(ProblemType.CONFLICT, "Patient " + p.id + " of this hospital has the same "
                    + field + " (该患者已登记)");
        }
    }

    private static void bind(TypedQuery<?> query, UUID hospital, String q, String localId, String idCard,
                             String mrn) {
        query.setParameter("hospital", hospital).setParameter("q", q)
                .setParameter("qUpper", q.toUpperCase()).setParameter("contains", ChineseName.containsPattern(q))
                .setParameter("localId", blank(localId)).setParameter("idCard", blank(IdCardNumber.normalize(idCard)))
                .setParameter("mrn", blank(mrn));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
