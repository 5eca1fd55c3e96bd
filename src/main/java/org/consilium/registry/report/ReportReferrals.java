package org.consilium.registry.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.registry.RegistryScope;
import org.consilium.registry.referral.Direction;
import org.consilium.registry.referral.GreenChannel;
import org.consilium.registry.referral.ReferralRequest;
import org.consilium.registry.referral.ReferralView;
import org.consilium.registry.referral.Referrals;

/** Raises the up-referral of a recorded report, carrying its priority channel as the green channel. */
@ApplicationScoped
public class ReportReferrals {

    @Inject
    TumorReports reports;
    @Inject
    Referrals referrals;
    @Inject
    ReportViews views;
    @Inject
    AuditLog audit;

    @Transactional
    public ReportView raise(CurrentUser user, UUID reportId, long version, RaiseReferralRequest r) {
        RegistryScope.requireCaseManager(user);
        TumorReport t = reports.requireRecorded(user, reportId, version, "registry.report.referral");
        if (t.referralId != null) {
            throw new ProblemException(ProblemType.CONFLICT, "A referral was raised from this report already: "
                    + t.referralId);
        }
        GreenChannel green = new GreenChannel(t.priorityExamAt != null, t.priorityConsultAt != null,
                t.priorityAdmissionAt != null);
        ReferralView f = referrals.create(user, new ReferralRequest(Direction.UP, t.patientId, r.toHospitalId(), null,
                r.reason(), null, green, r.studyUids(), r.reports()), t.id);
        t.referralId = f.id();
        audit.record(user.asActor(), t.hospitalId, "registry.report.referral", TumorReports.target(t.id),
                Outcome.SUCCESS, "referral " + f.id());
        return views.of(t, Instant.now());
    }
}
