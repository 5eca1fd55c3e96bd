package org.consilium.archive.store;

import java.util.LinkedHashSet;
import java.util.Set;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;

/** Which attributes a query returns: the PS3.18 defaults per level, plus includefield, or everything. */
public final class ReturnKeys {

    private static final int[] STUDY = {Tag.SpecificCharacterSet, Tag.StudyDate, Tag.StudyTime, Tag.AccessionNumber,
        Tag.InstanceAvailability, Tag.ModalitiesInStudy, Tag.ReferringPhysicianName, Tag.TimezoneOffsetFromUTC,
        Tag.RetrieveURL, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyInstanceUID,
        Tag.StudyID, Tag.NumberOfStudyRelatedSeries, Tag.NumberOfStudyRelatedInstances};
    private static final int[] SERIES = {Tag.SpecificCharacterSet, Tag.Modality, Tag.TimezoneOffsetFromUTC,
        Tag.SeriesDescription, Tag.RetrieveURL, Tag.SeriesInstanceUID, Tag.SeriesNumber,
        Tag.NumberOfSeriesRelatedInstances, Tag.PerformedProcedureStepStartDate, Tag.PerformedProcedureStepStartTime,
        Tag.StudyInstanceUID};
    private static final int[] IMAGE = {Tag.SpecificCharacterSet, Tag.SOPClassUID, Tag.SOPInstanceUID,
        Tag.InstanceAvailability, Tag.TimezoneOffsetFromUTC, Tag.RetrieveURL, Tag.InstanceNumber, Tag.Rows,
        Tag.Columns, Tag.BitsAllocated, Tag.NumberOfFrames, Tag.StudyInstanceUID, Tag.SeriesInstanceUID};

    private final Set<Integer> tags = new LinkedHashSet<>();
    private boolean all;

    /**
     * @param withParentLevels also return the defaults of the levels above (a query not scoped to one
     *                         study or series, PS3.18 10.6.3.3)
     */
    public ReturnKeys(QueryLevel level, boolean withParentLevels) {
        add(level == QueryLevel.STUDY ? STUDY : level == QueryLevel.SERIES ? SERIES : IMAGE);
        if (withParentLevels && level != QueryLevel.STUDY) {
            add(STUDY);
            if (level == QueryLevel.IMAGE) {
                add(SERIES);
            }
        }
    }

    public void include(int tag) {
        tags.add(tag);
    }

    public void includeAll() {
        all = true;
    }

    boolean all() {
        return all;
    }

    /** Whether an attribute is returned, so worth decoding from stored JSON. */
    boolean wants(int tag) {
        return all || tags.contains(tag);
    }

    Attributes select(Attributes from) {
        if (all) {
            return from;
        }
        Attributes out = new Attributes(tags.size());
        for (int tag : tags) {
            if (from.contains(tag)) {
                out.setValue(tag, from.vrOf(tag), from.getValue(tag));
            }
        }
        return out;
    }

    private void add(int[] more) {
        for (int t : more) {
            tags.add(t);
        }
    }
}
