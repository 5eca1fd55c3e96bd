package org.consilium.registry.teaching;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.consilium.archive.DeidentificationRefusedException;
import org.consilium.archive.IngestException;
import org.consilium.archive.StudyDeidentification;
import org.consilium.archive.StudyDeidentification.Batch;
import org.consilium.archive.StudyRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Consults;
import org.consilium.consult.PatientView;
import org.consilium.consult.StudyLink;
import org.consilium.consult.recommendation.Evaluation;
import org.consilium.consult.recommendation.Recommendation;
import org.consilium.consult.recommendation.RecommendationContent;
import org.consilium.consult.recommendation.RecommendationView;
import org.consilium.consult.recommendation.Recommendations;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.StoredJson;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.radiotherapy.review.ExpertStructureSets;
import org.consilium.radiotherapy.review.ExpertStructureSets.ApprovedReview;
import org.consilium.radiotherapy.review.RevisionContent;

/**
 * The case library: a signed consult or an approved review becomes a case (its studies de-identified through
 * the archive's API into a new study of images only, the expert contours carried onto the new UIDs, the
 * recommendation with identifiers removed), searchable by site and stage. Teachers see every case; trainees the
 * cases of their courses, and a case's expert contours only after their own attempt at it.
 */
@ApplicationScoped
public class TeachingCases {

    static final String TARGET = "teaching-case:";
    /** Images a trainee reads; structure sets, plans, doses and documents stay out of the teaching study. */
    static final Set<String> IMAGE_MODALITIES = Set.of("CT", "MR", "PT", "NM", "CR", "DX", "MG", "US", "XA", "RF");
    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final StudyDeidentification.Options OPTIONS = new StudyDeidentification.Options(false, true,
            false, false);

    @Inject
    Consults consults;
    @Inject
    Recommendations recommendations;
    @Inject
    ExpertStructureSets expert;
    @Inject
    StudyDeidentification deidentification;
    @Inject
    StudyRecords records;
    @Inject
    AuditLog audit;
    @Inject
    Enrolments enrolments;

    /** The case made, or the one already made of the same source ({@code created} false). */
    public record Made(CaseView view, boolean created) {
    }

    public Made create(CurrentUser user, CaseRequest r) {
        TeachingRoles.requireTeacher(user);
        HospitalView hospital = user.hospital().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "Your account belongs to no hospital"));
        TeachingCase existing = TeachingCase.find("sourceKind = ?1 and sourceId = ?2", r.source().name(), r.sourceId())
                .firstResult();
        if (existing != null) {
            return new Made(view(existing), false);
        }
        TeachingCase c = new TeachingCase();
        c.id = UuidV7.next();
        c.sourceKind = r.source().name();
        c.sourceId = r.sourceId();
        c.hospitalId = hospital.id();
        c.createdById = user.id();
        c.createdBy = user.displayName();
        String pseudonymId = "TEACH-" + c.id.toString().substring(0, 13).toUpperCase(Locale.ROOT);
        try {
            if (r.source() == CaseRequest.Source.RT_REVIEW) {
                fromReview(user, r, c, pseudonymId);
            } else {
                fromConsult(user, r, c, pseudonymId);
            }
        } catch (NoSuchElementException e) {
            throw new ProblemException(ProblemType.CONFLICT, "nothing to de-identify: " + e.getMessage());
        } catch (DeidentificationRefusedException e) {
            throw new ProblemException(ProblemType.CONFLICT, e.getMessage());
        } catch (IngestException e) {
            throw new ProblemException(ProblemType.CONFLICT, "the de-identified study could not be stored: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INTERNAL, "cannot read or write the study's instances", e);
        }
        if (r.title() != null && !r.title().isBlank()) {
            c.title = r.title().strip();
        }
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            QuarkusTransaction.requiringNew().run(c::persist);
        } catch (RuntimeException e) {
            // a request for the same source made its case while this one de-identified: theirs is the case
            TeachingCase made = madeMeanwhile(r, e);
            return new Made(view(made), false);
        }
        audit.record(user.asActor(), hospital.id(), "teaching.case.create", TARGET + c.id, Outcome.SUCCESS,
                c.sourceKind + " made into study " + c.studyUid);
        return new Made(view(c), true);
    }

    /** The case another request made of the same source, when {@code e} is the unique key refusing a second. */
    private static TeachingCase madeMeanwhile(CaseRequest r, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                TeachingCase made = TeachingCase.find("sourceKind = ?1 and sourceId = ?2", r.source().name(),
                        r.sourceId()).firstResult();
                if (made != null) {
                    return made;
                }
            }
        }
        throw e;
    }

    private void fromReview(CurrentUser user, CaseRequest r, TeachingCase c, String pseudonymId)
            throws DeidentificationRefusedException, IngestException, IOException {
        ApprovedReview review = expert.approved(user, r.sourceId());
        Redaction redaction = redactionOf(records.study(review.studyUid()));
        Batch batch = deidentificationOf(user, c, List.of(review.studyUid()), pseudonymId);
        RevisionContent contours = review.content().withUidsReplaced(batch.replacedUids());
        c.studyUid = batch.studies().get(0).studyUid();
        c.ctSeriesUid = batch.replacedUids().get(review.ctSeriesUid());
        c.expertContours = StoredJson.write(contours);
        c.targetRois = StoredJson.write(contours.targetNames());
        c.site = review.diseaseSite();
        c.stage = r.stage() == null || r.stage().isBlank() ? null : r.stage().toUpperCase(Locale.ROOT);
        c.title = review.diseaseSite() + " " + review.prescriptionGy() + " Gy / " + review.fractions() + " fx";
        String prescription = review.prescriptionGy() + " Gy / " + review.fractions() + " fx"
                + (review.technique() == null ? "" : ", " + redaction.apply(review.technique()));
        c.summary = StoredJson.write(new CaseSummary(null, null, List.of(), null, null, prescription,
                review.approvalNote().isBlank() ? null : redaction.apply(review.approvalNote())));
    }

    private void fromConsult(CurrentUser user, CaseRequest r, TeachingCase c, String pseudonymId)
            throws DeidentificationRefusedException, IngestException, IOException {
        ConsultView consult = consults.require(user, r.sourceId());
        RecommendationView signed = recommendations.list(user, r.sourceId()).stream()
                .filter(v -> v.state() == Recommendation.State.SIGNED)
                .max(Comparator.comparingInt(RecommendationView::revision))
                .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                        "consult " + r.sourceId() + " has no signed recommendation"));
        List<String> studies = consult.studies().stream().map(StudyLink::studyUid).distinct().toList();
        if (studies.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "consult " + r.sourceId() + " has no study");
        }
        String withContours = null;
        RevisionContent found = null;
        for (String study : studies) {
            Optional<RevisionContent> s = expert.latestInStudy(study);
            if (s.isPresent()) {
                withContours = study;
                found = s.get();
                break;
            }
        }
        Batch batch = deidentificationOf(user, c, studies, pseudonymId);
        String source = withContours == null ? studies.get(0) : withContours;
        c.studyUid = batch.studies().stream().filter(d -> d.sourceStudyUid().equals(source)).findFirst()
                .orElse(batch.studies().get(0)).studyUid();
        RevisionContent contours = found == null ? null : found.withUidsReplaced(batch.replacedUids());
        c.expertContours = contours == null ? null : StoredJson.write(contours);
        c.targetRois = StoredJson.write(contours == null ? List.of() : contours.targetNames());
        c.ctSeriesUid = contours != null && contours.referencedSeries() != null
                && contours.referencedSeries().seriesInstanceUid() != null
                ? contours.referencedSeries().seriesInstanceUid() : firstImageSeries(c.studyUid);
        RecommendationContent content = signed.content();
        Evaluation.TnmInput tnm = content.evaluation().tnm();
        PatientView p = consult.patient();
        Redaction redaction = new Redaction(p == null ? List.of() : java.util.Arrays.asList(p.name(), p.localId(),
                p.idCard(), p.mrn(), consult.hospitalName()));
        List<String> modalities = content.modalities().stream().sorted(Comparator.comparingInt(
                        RecommendationContent.ModalityStep::sequence))
                .map(m -> m.sequence() + " " + m.modality() + (m.detail() == null ? "" : ": " + redaction.apply(m.detail())))
                .toList();
        c.site = tnm.site();
        c.stage = tnm.stageGroup();
        c.title = tnm.site() + " " + tnm.stageGroup();
        c.summary = StoredJson.write(new CaseSummary(tnm.t() + " " + tnm.n() + " " + tnm.m(), content.intent().name(), modalities,
                redaction.apply(content.rationale()),
                consult.pathology() == null ? null : redaction.apply(consult.pathology().histology()), null, null));
    }

    private Batch deidentificationOf(CurrentUser user, TeachingCase c, List<String> studies, String pseudonymId)
            throws DeidentificationRefusedException, IngestException, IOException {
        return deidentification.deidentifyTogether(studies, IMAGE_MODALITIES, c.hospitalId, pseudonymId,
                "TEACHING^CASE", OPTIONS, user.asActor());
    }

    private Redaction redactionOf(Optional<StudyRecord> study) {
        return new Redaction(study.map(s -> java.util.Arrays.asList(s.patientName(), s.patientId(),
                s.accessionNumber(), s.referringPhysician())).orElse(List.of()));
    }

    private String firstImageSeries(String studyUid) {
        var instances = records.instances(studyUid);
        return instances.stream().filter(i -> CT_IMAGE_STORAGE.equals(i.sopClassUid())).findFirst()
                .or(() -> instances.stream().findFirst()).map(i -> i.seriesUid()).orElse(null);
    }

    /** The library, newest first: site matched from its start, case-insensitively; stage exactly. */
    public Page<CaseView> list(CurrentUser user, String site, String stage, int offset, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (site != null && !site.isBlank()) {
            params.add(site.strip().toLowerCase(Locale.ROOT) + "%");
            q.append(" and lower(site) like ?").append(params.size());
        }
        if (stage != null && !stage.isBlank()) {
            params.add(stage.strip().toUpperCase(Locale.ROOT));
            q.append(" and upper(stage) = ?").append(params.size());
        }
        if (!TeachingRoles.teaches(user)) {
            List<UUID> mine = enrolments.casesOfTrainee(user.id());
            if (mine.isEmpty()) {
                q.append(" and 1 = 0");
            } else {
                params.add(mine);
                q.append(" and id in ?").append(params.size());
            }
        }
        var query = TeachingCase.find(q.toString(), Sort.descending("createdAt"), params.toArray());
        long total = query.count();
        List<CaseView> items = query.range(offset, offset + limit - 1).list().stream()
                .map(e -> view((TeachingCase) e)).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "teaching.case.list",
                "teaching-cases", Outcome.SUCCESS, items.size() + " of " + total);
        return new Page<>(items, total, offset, limit);
    }

    public CaseView get(CurrentUser user, UUID id) {
        return view(require(user, id, "teaching.case.read"));
    }

    /**
     * The expert contours: for teachers, and for a trainee only once they have submitted their own attempt at
     * the case; before that (and for anyone else) 404, as if there were none.
     */
    public RevisionContent expertContours(CurrentUser user, UUID id) {
        TeachingCase c = require(user, id, "teaching.case.contours.read");
        boolean allowed = TeachingRoles.teaches(user) || TeachingAttempt.count("caseId = ?1 and traineeId = ?2", id,
                user.id()) > 0;
        if (!allowed || c.expertContours == null) {
            audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null),
                    "teaching.case.contours.read", TARGET + id, Outcome.DENIED,
                    allowed ? "no expert contours" : "no attempt submitted yet");
            throw ProblemException.notFound("expert contours of teaching case " + id);
        }
        return contoursOf(c);
    }

    /** The case when the caller may see it (teachers all, trainees their courses'), audited; 404 otherwise. */
    TeachingCase require(CurrentUser user, UUID id, String action) {
        TeachingCase c = TeachingCase.findById(id);
        UUID hospital = user.hospital().map(HospitalView::id).orElse(null);
        if (c == null || !(TeachingRoles.teaches(user) || enrolments.casesOfTrainee(user.id()).contains(id))) {
            audit.record(user.asActor(), hospital, action, TARGET + id, Outcome.DENIED, null);
            throw ProblemException.notFound("teaching case " + id);
        }
        audit.record(user.asActor(), hospital, action, TARGET + id, Outcome.SUCCESS, null);
        return c;
    }

    static RevisionContent contoursOf(TeachingCase c) {
        return StoredJson.read(c.expertContours, new TypeReference<>() {});
    }

    static List<String> targetsOf(TeachingCase c) {
        return StoredJson.read(c.targetRois, new TypeReference<>() {});
    }

    static CaseView view(TeachingCase c) {
        return new CaseView(c.id, c.sourceKind, c.title, c.site, c.stage, StoredJson.read(c.summary, new TypeReference<>() {}),
                c.studyUid, c.ctSeriesUid, targetsOf(c), c.expertContours != null, c.createdBy, c.createdAt);
    }


}
