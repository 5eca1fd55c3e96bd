package org.consilium.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.consult.ConsultRequest;
import org.consilium.consult.ConsultRequests;
import org.consilium.consult.ConsultView;
import org.consilium.consult.Urgency;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.registry.RegistryScope;

/** Raises the consult request of a recorded report, through the consult capability's own API. */
@ApplicationScoped
public class ReportConsults {

    @Inject
    TumorReports reports;
    @Inject
    ConsultRequests consults;
    @Inject
    ReportViews views;
    @Inject
    AuditLog audit;

    @Transactional
    public ReportView raise(CurrentUser user, UUID reportId, long version, RaiseConsultRequest r) {
        RegistryScope.requireCaseManager(user);
        TumorReport t = reports.requireRecorded(user, reportId, version, "registry.report.consult");
        if (t.consultId != null) {
            throw new ProblemException(ProblemType.CONFLICT, "A consult was raised from this report already: "
                    + t.consultId);
        }
        String summary = (t.certainty == Certainty.CONFIRMED ? "确诊" : "疑似") + "恶性肿瘤 " + t.icd10 + "（部位 "
                + t.topography + "）。" + t.finding;
        Urgency urgency = t.priorityConsultAt != null ? Urgency.GREEN_CHANNEL : Urgency.URGENT;
        ConsultView c = consults.create(user, new ConsultRequest(t.patientId, summary, r.question().strip(), urgency,
                r.disciplines(), null, null, r.studyUids(), null));
        t.consultId = c.id();
        audit.record(user.asActor(), t.hospitalId, "registry.report.consult", TumorReports.target(t.id),
                Outcome.SUCCESS, "consult " + c.id() + ", " + urgency);
        return views.of(t, Instant.now());
    }
}
