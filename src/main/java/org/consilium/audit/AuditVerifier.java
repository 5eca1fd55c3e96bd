package org.consilium.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Recomputes the audit hash chain and reports the first broken link. An edited row fails its own hash;
 * a deleted or inserted row breaks the next row's prev_hash. Truncating the newest rows is only visible
 * against a head hash kept elsewhere (see docs/audit.md).
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int PAGE = 1000;

    @Transactional
    public ChainReport verify() {
        String expectedPrev = AuditChain.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> page = AuditEvent.<AuditEvent>find("seq > ?1 order by seq", after).page(0, PAGE).list();
            if (page.isEmpty()) {
                return ChainReport.intact(checked);
            }
            for (AuditEvent e : page) {
                if (!expectedPrev.equals(e.prevHash)) {
                    return ChainReport.broken(checked, e.seq,
                            "prev_hash does not match the preceding row: a row was removed or inserted");
                }
                if (!AuditChain.hash(e).equals(e.hash)) {
                    return ChainReport.broken(checked, e.seq, "content does not match its hash: the row was modified");
                }
                expectedPrev = e.hash;
                after = e.seq;
                checked++;
            }
            AuditEvent.getEntityManager().clear();
        }
    }
}
