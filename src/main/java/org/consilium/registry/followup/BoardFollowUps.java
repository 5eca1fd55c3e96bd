package org.consilium.registry.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.audit.AuditActor;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultView;
import org.consilium.consult.recommendation.Evaluation;
import org.consilium.consult.recommendation.RecommendationContent;
import org.consilium.consult.recommendation.RecommendationSigned;
import org.consilium.consult.recommendation.RecommendationView;
import org.consilium.platform.UuidV7;
import org.consilium.registry.RegistryNotices;
import org.consilium.registry.report.ReportedSite;
import org.consilium.registry.report.TumorReports;

/**
 * The follow-up an MDT board's signed recommendation asks for joins the patient's follow-up schedule for that primary
 * tumor, in the signing transaction: each planned item becomes a titled visit, due that many days after signing. When
 * the patient has no open schedule for the primary, one is generated from the template for the board's stage and
 * assigned to the requesting doctor, who is told of each visit. A newer signed version's visits replace the open ones
 * of the versions before it.
 */
@ApplicationScoped
public class BoardFollowUps {

    /** ICD-10 for the board's TNM site when no new-tumor report names the primary; C80.9 when neither does. */
    private static final Map<String, String> SITES = Map.ofEntries(Map.entry("lung", "C34.9"),
            Map.entry("breast", "C50.9"), Map.entry("oesophagus", "C15.9"), Map.entry("esophagus", "C15.9"),
            Map.entry("stomach", "C16.9"), Map.entry("colon", "C18.9"), Map.entry("rectum", "C20"),
            Map.entry("liver", "C22.0"), Map.entry("pancreas", "C25.9"), Map.entry("nasopharynx", "C11.9"),
            Map.entry("cervix", "C53.9"), Map.entry("thyroid", "C73"), Map.entry("prostate", "C61"));
    private static final String UNSPECIFIED = "C80.9";
    /** The schedule's stage: the AJCC group without its numeric sub-group (IA1 → IA). */
    private static final Pattern STAGE = Pattern.compile("(0|IV|III|II|I)[A-C]?");

    @Inject
    TumorReports reports;
    @Inject
    RegistryNotices notices;
    @Inject
    AuditLog audit;

    void onSigned(@Observes RecommendationSigned event) {
        ConsultView c = event.consult();
        RecommendationView r = event.recommendation();
        FollowUpVisit.update("state = ?1 where consultId = ?2 and recommendationId <> ?3 and state = ?4",
                FollowUpVisit.State.CANCELLED, c.id(), r.id(), FollowUpVisit.State.OPEN);
        List<RecommendationContent.FollowUpPlan> plans = r.content().followUpsOrEmpty();
        if (plans.isEmpty()) {
            return;
        }
        LocalDate signedOn = (r.signedAt() == null ? Instant.now() : r.signedAt()).atZone(FollowUpSchedules.ZONE)
                .toLocalDate();
        Evaluation.TnmInput tnm = r.content().evaluation().tnm();
        FollowUpSchedule s = schedule(c, primary(c, tnm), stage(tnm.stageGroup()), r.chairName(), signedOn);
        List<String> titles = new ArrayList<>();
        for (RecommendationContent.FollowUpPlan plan : plans) {
            FollowUpVisit v = new FollowUpVisit();
            v.id = UuidV7.next();
            v.scheduleId = s.id;
            v.title = plan.title().strip();
            v.consultId = c.id();
            v.recommendationId = r.id();
            v.dueOn = signedOn.plusDays(plan.dueInDays());
            v.state = FollowUpVisit.State.OPEN;
            v.persist();
            titles.add(v.title + " (" + v.dueOn + ")");
            notices.toUser(s.assigneeId, FollowUpSchedules.OUTCOME, s.id,
                    "MDT 随访任务：" + v.title + "，截止 " + v.dueOn, "MDT follow-up task: " + v.title + ", due " + v.dueOn);
        }
        audit.record(AuditActor.SYSTEM, s.hospitalId, "registry.followup.board", FollowUpSchedules.target(s.id),
                Outcome.SUCCESS, "consult " + c.id() + ": " + String.join("; ", titles));
    }

    /** The patient's open schedule for the primary, or a new one from the template, kept by the requesting doctor. */
    private static FollowUpSchedule schedule(ConsultView c, String icd10, String stage, String chair, LocalDate start) {
        FollowUpSchedule open = FollowUpSchedules.openFor(c.patient().id(), icd10);
        if (open != null) {
            return open;
        }
        FollowUpSchedule s = FollowUpSchedule.keptBy(c.patient().id(), c.hospitalId(), c.requestedById(),
                c.requestedBy(), "MDT（" + chair + "）");
        s.icd10 = icd10;
        s.stage = stage;
        s.template = FollowUpTemplate.forTumor(icd10, stage);
        s.persist();
        FollowUpSchedules.plan(s, start);
        return s;
    }

    /** The primary's ICD-10: the report that raised the consult, else the patient's newest, else the board's site. */
    private String primary(ConsultView c, Evaluation.TnmInput tnm) {
        List<ReportedSite> sites = reports.sitesOf(c.patient().id());
        return sites.stream().filter(s -> c.id().equals(s.consultId())).findFirst()
                .or(() -> sites.stream().findFirst()).map(ReportedSite::icd10)
                .orElseGet(() -> SITES.getOrDefault(tnm.site().strip().toLowerCase(Locale.ROOT), UNSPECIFIED));
    }

    static String stage(String group) {
        Matcher m = STAGE.matcher(group == null ? "" : group.strip());
        return m.lookingAt() ? m.group() : "occult";
    }
}
