package org.consilium.radiotherapy.review;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.consilium.dicom.rt.ContourMetrics;
import org.consilium.dicom.rt.Roi;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetComparison;
import org.consilium.platform.StoredJson;

/**
 * The Dice of each ROI an expert revision changed, against its parent, kept in {@code rt_revision_dice} the first
 * time it is needed (revisions are immutable, so it is worked out once). Default metrics: 1 mm voxels.
 */
@ApplicationScoped
public class ExpertRevisionDice {

    private static final String MISSING = """
            select r.id from rt_revision r join rt_submission s on s.id = r.submission_id
            where r.kind = 'EXPERT' and r.created_at >= cast(:from as timestamptz) and r.created_at < cast(:to as timestamptz)
              and s.hospital_id in (:hospitals) and jsonb_array_length(r.changed_rois) > 0
              and not exists (select 1 from rt_revision_dice d where d.revision_id = r.id)""";

    @Inject
    EntityManager em;

    /** Works out the Dice rows the expert revisions of these hospitals made in [from, to) do not have yet. */
    public void fillMissing(Collection<UUID> hospitals, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<UUID> missing = em.createNativeQuery(MISSING, UUID.class).setParameter("hospitals", hospitals)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (UUID id : missing) {
            fill(StructureSetRevision.findById(id));
        }
    }

    private void fill(StructureSetRevision r) {
        StructureSetRevision parent = StructureSetRevision.findById(r.parentId);
        StructureSet before = Revisions.structureSet(parent);
        StructureSet after = Revisions.structureSet(r);
        StructureSetComparison.Planes planes = StructureSetComparison.Planes.of(before, after);
        UUID hospital = (UUID) em.createNativeQuery("select hospital_id from rt_submission where id = ?1", UUID.class)
                .setParameter(1, r.submissionId).getSingleResult();
        for (RevisionView.ChangedRoi changed : StoredJson.read(r.changedRois,
                new TypeReference<List<RevisionView.ChangedRoi>>() {})) {
            Roi a = roi(before, changed.number());
            Roi b = roi(after, changed.number());
            ContourMetrics m = a == null && b == null ? null
                    : StructureSetComparison.DEFAULT.compare(a, b, planes);
            Double dice = m == null ? null : m.dice();
            var insert = em.createNativeQuery("insert into rt_revision_dice (revision_id, roi_name, hospital_id,"
                            + " created_at, dice) values (?1, ?2, ?3, ?4, " + (dice == null ? "null" : "?5")
                            + ") on conflict do nothing")
                    .setParameter(1, r.id).setParameter(2, changed.name()).setParameter(3, hospital)
                    .setParameter(4, r.createdAt);
            (dice == null ? insert : insert.setParameter(5, dice)).executeUpdate();
        }
    }

    private static Roi roi(StructureSet set, int number) {
        return set.rois().stream().filter(x -> x.number() == number).findFirst().orElse(null);
    }
}
