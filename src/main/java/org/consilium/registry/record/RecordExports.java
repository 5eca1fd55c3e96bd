package org.consilium.registry.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;

/** The registry record's exports, each audited as a read of patient data: the mCODE bundle and the CSV. */
@ApplicationScoped
public class RecordExports {

    @Inject
    RegistryRecords records;
    @Inject
    McodeBundle mcode;
    @Inject
    AuditLog audit;

    @Transactional
    public String fhir(CurrentUser user, UUID id) {
        RecordView r = records.read(user, id, "registry.record.fhir");
        audit.record(user.asActor(), r.hospitalId(), "registry.record.fhir", RegistryRecords.target(id),
                Outcome.SUCCESS, "revision " + r.revision() + " " + r.state());
        return mcode.json(r);
    }

    @Transactional
    public byte[] csv(CurrentUser user, UUID hospitalId, RecordState state) {
        List<RecordView> rows = records.all(user, hospitalId, state);
        audit.record(user.asActor(), user.hospital().map(HospitalView::id).orElse(null), "registry.record.export",
                "registry-records", Outcome.SUCCESS, "hospital=" + hospitalId + " state=" + state + " -> "
                        + rows.size() + " rows");
        return RecordCsv.write(rows);
    }
}
