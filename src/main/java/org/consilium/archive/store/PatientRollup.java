package org.consilium.archive.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * The PATIENT level of the Patient Root C-FIND model (PS3.4 C.6.1.1.2), built from study-level matches:
 * one answer per patient (PatientID + IssuerOfPatientID), with the patient's attributes from its latest
 * study and the Number of Patient Related Studies, Series and Instances. The index keeps patients per
 * hospital, so the same rollup never mixes two hospitals' patients.
 */
public final class PatientRollup {

    private static final int[] PATIENT_TAGS = {
        Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate, Tag.PatientSex,
        Tag.OtherPatientIDs, Tag.EthnicGroup, Tag.PatientComments};

    private PatientRollup() {
    }

    public static List<Attributes> of(List<Attributes> studies) {
        Map<String, Attributes> patients = new LinkedHashMap<>();
        for (Attributes study : studies) {
            String key = study.getString(Tag.PatientID, "") + "\u0000" + study.getString(Tag.IssuerOfPatientID, "");
            Attributes p = patients.get(key);
            if (p == null) {
                p = LevelAttributes.select(study, PATIENT_TAGS);
                p.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
                p.setInt(Tag.NumberOfPatientRelatedStudies, VR.IS, 0);
                p.setInt(Tag.NumberOfPatientRelatedSeries, VR.IS, 0);
                p.setInt(Tag.NumberOfPatientRelatedInstances, VR.IS, 0);
                patients.put(key, p);
            }
            add(p, Tag.NumberOfPatientRelatedStudies, 1);
            add(p, Tag.NumberOfPatientRelatedSeries, study.getInt(Tag.NumberOfStudyRelatedSeries, 0));
            add(p, Tag.NumberOfPatientRelatedInstances, study.getInt(Tag.NumberOfStudyRelatedInstances, 0));
        }
        return new ArrayList<>(patients.values());
    }

    private static void add(Attributes p, int tag, int n) {
        p.setInt(tag, VR.IS, p.getInt(tag, 0) + n);
    }
}
