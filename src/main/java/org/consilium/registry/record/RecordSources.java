package org.consilium.registry.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consilium.consult.ConsultRequests;
import org.consilium.consult.ConsultSummary;
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
import org.consilium.radiotherapy.submission.ApprovedCourse;
import org.consilium.radiotherapy.submission.Submissions;
import org.consilium.registry.followup.FollowUpSchedules;
import org.consilium.registry.followup.FollowUpVisit;
import org.consilium.registry.followup.ScheduleView;
import org.consilium.registry.record.FilledFrom.Source;
import org.consilium.registry.report.ReportedSite;
import org.consilium.registry.report.TumorReports;

/**
 * What the system already knows of a patient's tumor, read through each capability's public services (never their
 * tables): the new-tumor report (site codes), the newest consult with a signed recommendation (attending doctor,
 * pathology, ECOG, TNM, intent, modalities, plan), the approved radiotherapy plan of the consult's studies
 * (prescription, technique) and the follow-up visits (last contact, vital status, response, recurrence).
 */
@ApplicationScoped
class RecordSources {

    /** Dates are calendar days where the alliance works. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");
    private static final int CONSULTS_READ = 50;

    @Inject
    TumorReports reports;
    @Inject
    ConsultRequests consultRequests;
    @Inject
    Consults consults;
    @Inject
    Recommendations recommendations;
    @Inject
    Submissions submissions;
    @Inject
    FollowUpSchedules followUps;
    @Inject
    ObjectMapper json;

    /** The values found and where each came from, as JSON fields of {@link RecordContent}. */
    record Filled(ObjectNode values, Map<String, FilledFrom> from) {
    }

    Filled fill(CurrentUser user, PatientView patient, String primarySite) {
        Filled f = new Filled(json.createObjectNode(), new LinkedHashMap<>());
        fromReport(f, patient, primarySite);
        List<ConsultView> consulted = fromRecommendation(f, user, patient);
        fromRadiotherapy(f, consulted);
        fromFollowUp(f, patient, primarySite);
        return f;
    }

    private void fromReport(Filled f, PatientView patient, String primarySite) {
        reports.sitesOf(patient.id()).stream().filter(s -> s.icd10().startsWith(primarySite)).findFirst()
                .ifPresent(s -> {
                    FilledFrom from = new FilledFrom(Source.REPORT, "report:" + s.reportId(), s.reporter(),
                            s.reportedAt());
                    put(f, "icd10", s.icd10(), from);
                    put(f, "topography", s.topography(), from);
                });
    }

    /** The newest consult of the patient that has a signed recommendation, and every consult read on the way. */
    private List<ConsultView> fromRecommendation(Filled f, CurrentUser user, PatientView patient) {
        List<ConsultView> read = new ArrayList<>();
        boolean filled = false;
        for (ConsultSummary s : consultRequests.list(user, null, patient.id(), 0, CONSULTS_READ).items()) {
            ConsultView c = consults.require(user, s.id());
            read.add(c);
            if (filled) {
                continue;
            }
            Optional<RecommendationView> signed = recommendations.list(user, c.id()).stream()
                    .filter(r -> r.state() == Recommendation.State.SIGNED).findFirst();
            if (signed.isPresent()) {
                fromConsult(f, c);
                fromSigned(f, signed.get());
                filled = true;
            }
        }
        return read;
    }

    private void fromConsult(Filled f, ConsultView c) {
        FilledFrom from = new FilledFrom(Source.CONSULT, "consult:" + c.id(), c.requestedBy(), c.createdAt());
        put(f, "attendingDoctor", c.requestedBy(), from);
        if (c.pathology() != null) {
            put(f, "histology", c.pathology().histology(), from);
            put(f, "grade", c.pathology().grade(), from);
            if (c.pathology().reportedOn() != null) {
                put(f, "diagnosisDate", c.pathology().reportedOn(), from);
                put(f, "basisOfDiagnosis", RecordContent.BasisOfDiagnosis.HISTOLOGY_PRIMARY, from);
            }
        }
    }

    private void fromSigned(Filled f, RecommendationView r) {
        FilledFrom from = new FilledFrom(Source.RECOMMENDATION, "recommendation:" + r.id(), r.chairName(),
                r.signedAt());
        RecommendationContent content = r.content();
        Evaluation.TnmInput tnm = content.evaluation().tnm();
        put(f, "ecog", content.evaluation().ecog(), from);
        put(f, "tnmEdition", 8, from); // the board's TNM is checked against the AJCC 8th edition (consult's Tnm)
        put(f, "t", tnm.t(), from);
        put(f, "n", tnm.n(), from);
        put(f, "m", tnm.m(), from);
        put(f, "stageGroup", tnm.stageGroup(), from);
        put(f, "intent", content.intent(), from);
        put(f, "treatments", content.modalities().stream().map(m -> new RecordContent.Treatment(m.modality(),
                m.sequence(), m.detail(), RecordContent.TreatmentStatus.PLANNED)).toList(), from);
        put(f, "treatmentPlan", content.rationale(), from);
    }

    private void fromRadiotherapy(Filled f, List<ConsultView> consulted) {
        Set<String> studies = new LinkedHashSet<>();
        consulted.forEach(c -> c.studies().stream().map(StudyLink::studyUid).forEach(studies::add));
        submissions.approvedCourses(studies).stream().findFirst().ifPresent(rt -> {
            FilledFrom from = new FilledFrom(Source.RT_REVIEW, "rt-submission:" + rt.submissionId(), null,
                    rt.approvedAt());
            put(f, "rtTotalDoseGy", rt.totalDoseGy(), from);
            put(f, "rtFractions", rt.fractions(), from);
            put(f, "rtTechnique", technique(rt), from);
        });
    }

    private void fromFollowUp(Filled f, PatientView patient, String primarySite) {
        List<Visit> done = new ArrayList<>();
        for (ScheduleView s : followUps.ofPatient(patient.id())) {
            if (s.icd10().startsWith(primarySite)) {
                s.visits().stream().filter(v -> v.state() == FollowUpVisit.State.DONE)
                        .forEach(v -> done.add(new Visit(s, v)));
            }
        }
        done.sort(Comparator.comparing((Visit v) -> v.visit().contactedOn()).thenComparing(v -> v.visit().reportedAt()));
        if (done.isEmpty()) {
            return;
        }
        Visit last = done.get(done.size() - 1);
        FilledFrom from = last.from();
        put(f, "lastContactOn", last.visit().contactedOn(), from);
        put(f, "vitalStatus", last.visit().vitalStatus(), from);
        put(f, "deathDate", last.visit().deathDate(), from);
        put(f, "recurrence", done.stream().anyMatch(v -> Boolean.TRUE.equals(v.visit().recurrence())), from);
        put(f, "progression", done.stream().anyMatch(v -> Boolean.TRUE.equals(v.visit().progression())), from);
        done.stream().filter(v -> v.visit().recist() != null).reduce((a, b) -> b).ifPresent(v -> {
            put(f, "recist", v.visit().recist(), v.from());
            put(f, "responseOn", v.visit().contactedOn(), v.from());
        });
    }

    /** A done visit with its schedule. */
    private record Visit(ScheduleView schedule, ScheduleView.Visit visit) {
        FilledFrom from() {
            return new FilledFrom(Source.FOLLOW_UP, "follow-up:" + schedule.id() + "/" + visit.id(),
                    visit.reportedBy(), visit.reportedAt());
        }
    }

    private static String technique(ApprovedCourse rt) {
        String site = rt.diseaseSite() == null ? "" : rt.diseaseSite() + " ";
        return (site + (rt.technique() == null ? "" : rt.technique())).strip();
    }

    private void put(Filled f, String field, Object value, FilledFrom from) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        f.values().set(field, json.valueToTree(value instanceof LocalDate || value instanceof Instant
                ? value.toString() : value));
        f.from().put(field, from);
    }
}
