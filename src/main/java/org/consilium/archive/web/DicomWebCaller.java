package org.consilium.archive.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.consilium.archive.store.IngestSource;
import org.consilium.audit.AuditActor;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/** The DICOMweb caller: a signed-in user of a hospital. Users without a hospital see no studies. */
@RequestScoped
public class DicomWebCaller {

    @Inject
    CurrentUser user;

    public UUID hospitalId() {
        return user.hospital().map(HospitalView::id)
                .orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN, "your account belongs to no hospital"));
    }

    public AuditActor actor() {
        return user.asActor();
    }

    public IngestSource asSource() {
        return new IngestSource(hospitalId(), null, actor());
    }
}
