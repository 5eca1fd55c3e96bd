package org.consilium.radiotherapy.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.IngestException;
import org.consilium.archive.InstanceDelivery;
import org.consilium.archive.InstanceRecord;
import org.consilium.audit.AuditLog;
import org.consilium.audit.Outcome;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.Implementation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.io.DicomWriter;
import org.consilium.dicom.rt.SopRef;
import org.consilium.dicom.rt.StructureSet;
import org.consilium.dicom.rt.StructureSetWriter;
import org.consilium.identity.CurrentUser;
import org.consilium.identity.HospitalView;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.radiotherapy.submission.PlanObjects;
import org.consilium.radiotherapy.submission.PlanSubmission;
import org.consilium.radiotherapy.submission.ReviewNotices;

/**
 * A revision written back as a new RTSTRUCT (PS3.3 A.19): a new SOP Instance UID, the same Frame of
 * Reference and referenced CT, Structure Set Label and Series Description naming the review, the submitted
 * structure set as its predecessor. The UIDs derive from the revision's own id, so the same revision always
 * gives the same instance. It can be downloaded, and stored with the study in the archive.
 */
@ApplicationScoped
public class StructureSetExport {

    /** Arc 3 of the project root: objects made at run time (as the consult documents). */
    private static final String ARC = Implementation.ROOT_UID + ".3";
    private static final int SERIES_NUMBER = 9001;
    /** Character sets that encode a Chinese reason as they are; others make the export UTF-8 (PS3.3 C.12.1.1.2). */
    private static final java.util.Set<String> CJK_CAPABLE = java.util.Set.of("ISO_IR 192", "GB18030", "GBK");

    @Inject
    Revisions revisions;
    @Inject
    PlanObjects objects;
    @Inject
    InstanceDelivery archive;
    @Inject
    AuditLog audit;
    @Inject
    ReviewNotices notices;

    /**
     * The exported instance's identity, and where it is being sent.
     *
     * @param forwardedTo the county's receiving AE it was queued for, or null when none was registered
     * @param forwardJobs the forwarding jobs (GET /api/forwarding/{id})
     */
    public record Exported(String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String forwardedTo,
                           List<UUID> forwardJobs) {
    }

    /** The RTSTRUCT of a revision as a Part 10 file (audited as an export). */
    public byte[] download(CurrentUser user, UUID submissionId, int number) {
        return part10(dataset(user, submissionId, number, "rt.export.download"));
    }

    /**
     * Stores the RTSTRUCT of a revision in the archive with its study, then queues it for C-STORE to the
     * submitting hospital's receiving AE through the archive's forwarding: {@code targetAe} when given, else
     * the hospital's one AE that may receive (none registered: not sent; several: 409, name one).
     */
    public Exported store(CurrentUser user, UUID submissionId, int number, String targetAe) {
        Attributes ds = dataset(user, submissionId, number, "rt.export.store");
        PlanSubmission s = PlanSubmission.findById(submissionId);
        UUID hospital = user.hospital().map(HospitalView::id).orElse(null);
        try {
            InstanceRecord stored = archive.store(part10(ds), hospital, user.asActor());
            String target = targetAe != null ? targetAe : receivingAe(user, s.hospitalId);
            List<UUID> jobs = target == null ? List.of()
                    : archive.forward(user, target, List.of(stored.sopInstanceUid()));
            notices.exported(s, number, target);
            return new Exported(stored.studyUid(), stored.seriesUid(), stored.sopInstanceUid(), target, jobs);
        } catch (IngestException e) {
            throw new ProblemException(ProblemType.CONFLICT, "the archive refused the RTSTRUCT: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the exported RTSTRUCT", e);
        }
    }

    private String receivingAe(CurrentUser user, UUID countyHospital) {
        List<String> receiving = archive.receivingAes(countyHospital);
        if (receiving.size() > 1) {
            throw new ProblemException(ProblemType.CONFLICT, "the hospital has several receiving AEs " + receiving
                    + "; name one as targetAe");
        }
        return receiving.isEmpty() ? null : receiving.get(0);
    }

    private Attributes dataset(CurrentUser user, UUID submissionId, int number, String action) {
        StructureSetRevision r = revisions.require(user, submissionId, number, action);
        PlanSubmission s = PlanSubmission.findById(submissionId);
        StructureSet set = Revisions.structureSet(r);
        String label = ("REVIEW R" + number);
        StructureSet named = set.withLabel(label, "Consilium review " + s.id + ", revision " + number + ": " + r.reason);
        Attributes patientStudy = referencedImage(set);
        LocalDateTime created = LocalDateTime.ofInstant(r.createdAt, ZoneOffset.UTC);
        Attributes ds = StructureSetWriter.write(named, patientStudy, new StructureSetWriter.Identity(uid(r.id), uid(s.id),
                SERIES_NUMBER, number, created, "Consilium review revision " + number,
                s.rtstructUid == null ? null : new SopRef(UID.RTStructureSetStorage, s.rtstructUid)));
        if (!named.description().chars().allMatch(c -> c < 128) && !CJK_CAPABLE.contains(ds.getString(Tag.SpecificCharacterSet, ""))) {
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192"); // the reason is often Chinese
        }
        return ds;
    }

    private Attributes referencedImage(StructureSet set) {
        Attributes image = set.referencedSeries() == null || set.referencedSeries().images().isEmpty() ? null
                : objects.stored(set.referencedSeries().images().get(0).sopInstanceUid());
        if (image == null) {
            throw new ProblemException(ProblemType.CONFLICT, "the referenced CT images are no longer stored");
        }
        return image;
    }

    /** {@code <root>.3.<ms of the UUIDv7>.<its 62 random low bits>}: 29 + 1 + 13 + 1 + 19 = 63 characters at most (PS3.5 9.1). */
    static String uid(UUID v7) {
        long ms = v7.getMostSignificantBits() >>> 16;
        long random = v7.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
        return ARC + "." + ms + "." + Math.max(1, random);
    }

    private static byte[] part10(Attributes ds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DicomWriter().writeFile(out, null, ds, UID.ExplicitVRLittleEndian);
        } catch (IOException | DicomException e) {
            throw new IllegalStateException("cannot write the RTSTRUCT: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
