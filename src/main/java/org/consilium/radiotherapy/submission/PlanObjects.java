package org.consilium.radiotherapy.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.archive.InstanceRecord;
import org.consilium.archive.StudyRecords;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.io.DicomReader;

/**
 * Finds a submission's objects among the indexed instances of its study, following the references the
 * objects make: the RTDOSE names its RTPLAN, the RTPLAN its RTSTRUCT, and the RTSTRUCT the CT images it
 * was drawn on. Uses only the archive's instance lookup and blob store (its API, not its tables).
 */
@ApplicationScoped
public class PlanObjects {

    private static final DicomReader HEADERS = new DicomReader(new DicomReader.Options(true, 0));
    private static final DicomReader WHOLE = new DicomReader();

    @Inject
    StudyRecords archive;

    /**
     * What a study holds of a plan.
     *
     * @param instances how many instances the study has (a change means: look again)
     * @param awaiting  what is still missing, empty when everything is there
     * @param located   the chosen instances (CT slices in index order), when nothing is missing
     */
    public record Search(int instances, List<String> awaiting, Located located) {
    }

    /** The instances of a complete plan. */
    public record Located(String ctSeriesUid, List<InstanceRecord> ct, InstanceRecord rtstruct, InstanceRecord rtplan,
                          InstanceRecord rtdose) {
    }

    /**
     * What the study holds of the plan, passing over the RT objects of earlier versions ({@code superseded}
     * SOP Instance UIDs) while it holds others of the same class: a resubmission's objects share the study,
     * and often the series and instance numbers, with the ones they replace.
     */
    public Search search(String studyUid, Set<String> superseded) {
        List<InstanceRecord> all = archive.instances(studyUid);
        Map<String, InstanceRecord> bySop = new HashMap<>();
        for (InstanceRecord i : all) {
            bySop.put(i.sopInstanceUid(), i);
        }
        List<String> awaiting = new ArrayList<>();
        InstanceRecord dose = last(all, UID.RTDoseStorage, superseded);
        if (dose == null) {
            awaiting.add("RTDOSE");
        }
        InstanceRecord plan = follow(dose, Tag.ReferencedRTPlanSequence, "RTPLAN", "RTDOSE", all, bySop, UID.RTPlanStorage,
            superseded, awaiting);
        InstanceRecord struct = follow(plan, Tag.ReferencedStructureSetSequence, "RTSTRUCT", "RTPLAN", all, bySop,
            UID.RTStructureSetStorage, superseded, awaiting);
        List<InstanceRecord> ct = new ArrayList<>();
        String ctSeries = null;
        if (struct == null) {
            if (all.stream().noneMatch(i -> UID.CTImageStorage.equals(i.sopClassUid()))) {
                awaiting.add("CT");
            }
        } else {
            Attributes header = header(struct);
            Set<String> images = referencedImages(header);
            for (String uid : images) {
                InstanceRecord i = bySop.get(uid);
                if (i != null) {
                    ct.add(i);
                    ctSeries = i.seriesUid();
                }
            }
            if (images.isEmpty()) {
                awaiting.add("CT images: the RTSTRUCT names none");
            } else if (ct.size() < images.size()) {
                awaiting.add("CT: " + (images.size() - ct.size()) + " of " + images.size()
                    + " images referenced by the RTSTRUCT");
            }
        }
        Located located = awaiting.isEmpty() ? new Located(ctSeries, ct, struct, plan, dose) : null;
        return new Search(all.size(), List.copyOf(awaiting), located);
    }

    /** Reads the located objects: CT headers without pixels, the RT objects whole. */
    public PlanConsistency.Objects read(Located l) {
        List<Attributes> ct = new ArrayList<>();
        for (InstanceRecord i : l.ct()) {
            ct.add(header(i));
        }
        return new PlanConsistency.Objects(ct, whole(l.rtstruct()), whole(l.rtplan()), whole(l.rtdose()));
    }

    /** One stored instance, read whole. */
    public Attributes whole(InstanceRecord i) {
        return read(i, WHOLE);
    }

    /** The stored instance with this SOP Instance UID, read whole, or null when the archive does not hold it. */
    public Attributes stored(String sopInstanceUid) {
        return archive.instance(sopInstanceUid).map(this::whole).orElse(null);
    }

    private Attributes header(InstanceRecord i) {
        return read(i, HEADERS);
    }

    private Attributes read(InstanceRecord i, DicomReader reader) {
        try (InputStream in = archive.open(i)) {
            return reader.read(in).dataset();
        } catch (IOException | DicomException e) {
            throw new IllegalStateException("cannot read stored instance " + i.sopInstanceUid() + ": " + e.getMessage(), e);
        }
    }

    private InstanceRecord follow(InstanceRecord from, int sequence, String what, String fromName, List<InstanceRecord> all,
                                  Map<String, InstanceRecord> bySop, String sopClass, Set<String> superseded,
                                  List<String> awaiting) {
        String ref = from == null ? null : firstRef(header(from), sequence);
        if (ref != null) {
            InstanceRecord i = bySop.get(ref);
            if (i == null) {
                awaiting.add(what + " " + ref + " referenced by the " + fromName);
            }
            return i;
        }
        InstanceRecord i = last(all, sopClass, superseded);
        if (i == null) {
            awaiting.add(what);
        }
        return i;
    }

    /** The last instance of the class in index order, preferring one that is not superseded. */
    private static InstanceRecord last(List<InstanceRecord> all, String sopClass, Set<String> superseded) {
        InstanceRecord found = null;
        InstanceRecord current = null;
        for (InstanceRecord i : all) {
            if (sopClass.equals(i.sopClassUid())) {
                found = i;
                if (!superseded.contains(i.sopInstanceUid())) {
                    current = i;
                }
            }
        }
        return current != null ? current : found;
    }

    private static String firstRef(Attributes ds, int sequence) {
        Sequence seq = ds.getSequence(sequence);
        return seq == null || seq.isEmpty() ? null : seq.get(0).getString(Tag.ReferencedSOPInstanceUID);
    }

    /** Contour Image Sequence of the referenced series and of every contour (PS3.3 C.8.8.5, C.8.8.6). */
    private static Set<String> referencedImages(Attributes rtstruct) {
        Set<String> out = new LinkedHashSet<>();
        for (Attributes frame : items(rtstruct, Tag.ReferencedFrameOfReferenceSequence)) {
            for (Attributes study : items(frame, Tag.RTReferencedStudySequence)) {
                for (Attributes series : items(study, Tag.RTReferencedSeriesSequence)) {
                    for (Attributes image : items(series, Tag.ContourImageSequence)) {
                        out.add(image.getString(Tag.ReferencedSOPInstanceUID));
                    }
                }
            }
        }
        for (Attributes roi : items(rtstruct, Tag.ROIContourSequence)) {
            for (Attributes contour : items(roi, Tag.ContourSequence)) {
                for (Attributes image : items(contour, Tag.ContourImageSequence)) {
                    out.add(image.getString(Tag.ReferencedSOPInstanceUID));
                }
            }
        }
        out.remove(null);
        return out;
    }

    private static List<Attributes> items(Attributes ds, int tag) {
        Sequence seq = ds.getSequence(tag);
        return seq == null ? List.of() : seq;
    }
}
