package org.consilium.registry.screening;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.PatientRequest;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.Page;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.platform.UuidV7;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.report.Detection;
import org.consilium.registry.report.ReportRequest;
import org.consilium.registry.report.ReportView;
import org.consilium.registry.report.TumorReports;

/** The people of a programme: invited one by one or imported, their results, and a cancer reported in one step. */
@ApplicationScoped
public class ScreeningParticipants {

    @Inject
    ScreeningProgrammes programmes;
    @Inject
    RegistryScope scope;
    @Inject
    TumorReports reports;
    @Inject
    AuditLog audit;

    @Transactional
    public ParticipantView invite(CurrentUser user, UUID programmeId, ParticipantRequest r) {
        ScreeningProgramme p = programmes.require(user, programmeId);
        UUID hospital = programmes.memberUnit(user, p.id, r.hospitalId());
        if (Participant.count("programmeId = ?1 and hospitalId = ?2 and localId = ?3", p.id, hospital, r.localId()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "localId " + r.localId()
                    + " is already invited to this programme by this hospital (已邀请)");
        }
        Participant x = new Participant();
        x.id = UuidV7.next();
        x.programmeId = p.id;
        x.hospitalId = hospital;
        x.localId = r.localId();
        x.name = r.name().strip();
        x.sex = r.sex();
        x.birthDate = r.birthDate();
        x.invitedOn = r.invitedOn();
        x.updatedAt = Instant.now();
        x.persist();
        audit.record(user.asActor(), hospital, "screening.participant.invite", target(x.id), Outcome.SUCCESS,
                ScreeningProgrammes.target(p.id));
        return ParticipantView.of(x);
    }

    /** The people of a programme the caller may see, by member unit and stage, in invitation order. */
    @Transactional
    public Page<ParticipantView> list(CurrentUser user, UUID programmeId, UUID hospital, Stage stage, String search,
                                      int offset, int limit) {
        ScreeningProgramme p = programmes.require(user, programmeId);
        List<UUID> visible = scope.visibleHospitals(user);
        List<String> where = new ArrayList<>(List.of("programmeId = :programme", "hospitalId in :visible"));
        Parameters params = Parameters.with("programme", p.id).and("visible", visible);
        if (hospital != null) {
            where.add("hospitalId = :hospital");
            params.and("hospital", hospital);
        }
        if (stage != null) {
            where.add(switch (stage) {
                case INVITED -> "questionnaireHighRisk is null and fitResult is null and colonoscopyOn is null";
                case LOW_RISK -> "colonoscopyOn is null and (questionnaireHighRisk is not null or fitResult is not null)"
                        + " and coalesce(questionnaireHighRisk, false) = false and (fitResult is null or fitResult <> 'POSITIVE')";
                case HIGH_RISK -> "colonoscopyOn is null and (questionnaireHighRisk = true or fitResult = 'POSITIVE')";
                case COLONOSCOPY_DONE -> "colonoscopyOn is not null";
            });
        }
        if (search != null && !search.isBlank()) {
            where.add("(lower(name) like :search or lower(localId) like :search)");
            params.and("search", "%" + search.strip().toLowerCase() + "%");
        }
        var q = Participant.<Participant>find(String.join(" and ", where), Sort.ascending("invitedOn", "id"), params);
        List<ParticipantView> items = q.range(offset, offset + limit - 1).list().stream().map(ParticipantView::of).toList();
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "screening.participant.list",
                ScreeningProgrammes.target(p.id), Outcome.SUCCESS, items.size() + " people"
                        + (stage != null ? " " + stage : ""));
        return new Page<>(items, q.count(), offset, limit);
    }

    @Transactional
    public ParticipantView record(CurrentUser user, UUID programmeId, UUID id, ResultRequest r) {
        Participant x = require(user, programmeId, id);
        if (x.version != r.version()) {
            throw new ProblemException(ProblemType.CONFLICT, "participant " + id + " is at version " + x.version
                    + ", not " + r.version() + "; reload and try again");
        }
        List<String> wrong = check(r.colonoscopyOn(), r.finding(), x.invitedOn);
        if (!wrong.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, String.join("; ", wrong));
        }
        apply(x, r.questionnaireHighRisk(), r.fitResult(), r.colonoscopyOn(), r.finding(), r.pathology());
        try {
            Participant.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw new ProblemException(ProblemType.CONFLICT, "participant " + id + " changed meanwhile; reload", e);
        }
        audit.record(user.asActor(), x.hospitalId, "screening.result", target(x.id), Outcome.SUCCESS,
                Stage.of(x) + (x.finding != null ? " " + x.finding : ""));
        return ParticipantView.of(x);
    }

    /** Reports a cancer that screening found as a new-tumor report, once, found by screening. */
    @Transactional
    public ParticipantView reportCancer(CurrentUser user, UUID programmeId, UUID id, CancerReportRequest r) {
        Participant x = require(user, programmeId, id);
        if (x.finding != Finding.CANCER) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "only a cancer found is reported (finding is "
                    + x.finding + ")");
        }
        if (x.tumorReportId != null) {
            throw new ProblemException(ProblemType.CONFLICT, "already reported as new-tumor report " + x.tumorReportId);
        }
        String finding = "筛查肠镜 " + x.colonoscopyOn + " / screening colonoscopy"
                + (x.pathology != null ? "：" + x.pathology : "");
        ReportView report = reports.report(user, new ReportRequest(null, new PatientRequest(x.hospitalId, x.localId,
                x.name, x.sex, x.birthDate, null, null), r.certainty(), r.icd10(), r.topography(), Detection.SCREENING,
                finding.length() > 4000 ? finding.substring(0, 4000) : finding, null));
        x.tumorReportId = report.id();
        x.updatedAt = Instant.now();
        audit.record(user.asActor(), x.hospitalId, "screening.cancer.report", target(x.id), Outcome.SUCCESS,
                "tumor report " + report.id());
        return ParticipantView.of(x);
    }

    /** What is wrong with a colonoscopy and its finding, in words a county clerk can act on. */
    static List<String> check(LocalDate colonoscopyOn, Finding finding, LocalDate invitedOn) {
        List<String> wrong = new ArrayList<>();
        if (finding != null && colonoscopyOn == null) {
            wrong.add("finding needs colonoscopyOn (肠镜结果需要肠镜日期)");
        }
        if (colonoscopyOn != null && invitedOn != null && colonoscopyOn.isBefore(invitedOn)) {
            wrong.add("colonoscopyOn " + colonoscopyOn + " is before invitedOn " + invitedOn + " (肠镜日期早于邀请日期)");
        }
        return wrong;
    }

    static void apply(Participant x, Boolean questionnaireHighRisk, FitResult fit, LocalDate colonoscopyOn,
                      Finding finding, String pathology) {
        x.questionnaireHighRisk = questionnaireHighRisk;
        x.fitResult = fit;
        x.colonoscopyOn = colonoscopyOn;
        x.finding = finding;
        x.pathology = pathology == null || pathology.isBlank() ? null : pathology.strip();
        x.updatedAt = Instant.now();
    }

    private Participant require(CurrentUser user, UUID programmeId, UUID id) {
        programmes.require(user, programmeId);
        Participant x = Participant.findById(id);
        if (x == null || !x.programmeId.equals(programmeId) || !scope.maySee(user, x.hospitalId)) {
            throw ProblemException.notFound("Participant " + id);
        }
        return x;
    }

    static String target(UUID participantId) {
        return "screening-participant:" + participantId;
    }
}
