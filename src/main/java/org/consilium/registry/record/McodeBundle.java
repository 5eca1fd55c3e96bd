package org.consilium.registry.record;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.consilium.consult.PatientView;
import org.consilium.consult.recommendation.RecommendationContent.Modality;
import org.consilium.registry.followup.FollowUpVisit;
import org.consilium.registry.record.RecordContent.Treatment;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * A registry record as a FHIR R4 collection Bundle following mCODE STU 4 (hl7.fhir.us.mcode 4.0.0): the cancer
 * patient, the primary cancer condition with its ICD-O-3 site and morphology, the TNM stage group and categories,
 * ECOG, surgical procedures, the radiotherapy course summary, systemic therapy as medication requests and the cancer
 * disease status. Codes are ICD-10 (WHO), ICD-O-3, LOINC and SNOMED CT as mCODE binds them; the AJCC values are
 * given as text with the AJCC code system, since the record holds them as the board wrote them.
 */
@ApplicationScoped
public class McodeBundle {

    static final String MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    static final String AJCC = "http://cancerstaging.org";
    static final String LOCAL_ID = "urn:consilium:patient-local-id:";

    /** Built once: a FHIR context is costly to start and safe to share. */
    private final FhirContext fhir = FhirContext.forR4Cached();

    /** The bundle as FHIR JSON. */
    public String json(RecordView r) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle(r));
    }

    public FhirContext context() {
        return fhir;
    }

    Bundle bundle(RecordView r) {
        Bundle b = new Bundle();
        b.setId(r.id().toString());
        b.setType(Bundle.BundleType.COLLECTION);
        b.getMeta().addProfile(MCODE + "mcode-patient-bundle");
        b.getIdentifier().setSystem("urn:consilium:registry-record").setValue(r.id() + "/" + r.revision());
        b.setTimestamp(Date.from(r.updatedAt()));
        RecordContent c = r.content();
        Patient patient = patient(r.patient(), c);
        add(b, patient);
        Reference subject = ref(patient);
        Condition condition = condition(c, subject);
        add(b, condition);
        Reference cancer = ref(condition);
        stage(b, c, subject, cancer, condition);
        if (c.ecog() != null) {
            add(b, ecog(c, subject));
        }
        int n = 0;
        for (Treatment t : c.treatmentsOrEmpty()) {
            n++;
            switch (t.modality()) {
                case SURGERY -> add(b, surgery(t, subject, cancer));
                case RADIOTHERAPY -> radiotherapy(b, t, c, subject, cancer);
                case CHEMOTHERAPY, TARGETED, IMMUNOTHERAPY -> add(b, medication(t, c, subject, cancer, r.id(), n));
                default -> { } // a trial or supportive care alone is no mCODE treatment resource
            }
        }
        if (c.recist() != null || c.progression() != null) {
            add(b, diseaseStatus(c, subject, cancer));
        }
        return b;
    }

    private static Patient patient(PatientView p, RecordContent c) {
        Patient out = new Patient();
        out.setId(UUID.nameUUIDFromBytes(("patient:" + p.id()).getBytes()).toString());
        out.getMeta().addProfile(MCODE + "mcode-cancer-patient");
        out.addIdentifier(new Identifier().setSystem(LOCAL_ID + p.hospitalId()).setValue(p.localId()));
        out.addName(PatientName.of(p.name()));
        out.setGender(switch (p.sex() == null ? "" : p.sex()) {
            case "M" -> AdministrativeGender.MALE;
            case "F" -> AdministrativeGender.FEMALE;
            case "O" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        });
        if (p.birthDate() != null) {
            out.setBirthDateElement(new DateType(p.birthDate().toString()));
        }
        if (c.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED && c.deathDate() != null) {
            out.setDeceased(new DateTimeType(c.deathDate().toString()));
        }
        return out;
    }

    private static Condition condition(RecordContent c, Reference subject) {
        Condition out = new Condition();
        out.setId(UUID.randomUUID().toString());
        out.getMeta().addProfile(MCODE + "mcode-primary-cancer-condition");
        out.setClinicalStatus(coded("http://terminology.hl7.org/CodeSystem/condition-clinical",
                c.vitalStatus() == FollowUpVisit.VitalStatus.DECEASED ? "inactive" : "active", null));
        out.setVerificationStatus(coded("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                "confirmed", null));
        out.addCategory(coded("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", null));
        out.setCode(concept(ICD10, c.icd10(), c.histology()));
        if (c.topography() != null) {
            out.addBodySite(concept(ICDO3, c.topography(), null));
        }
        if (c.morphology() != null) {
            out.addExtension(new Extension(MCODE + "mcode-histology-morphology-behavior",
                    concept(ICDO3, c.morphology(), c.histology())));
        }
        out.setSubject(subject);
        if (c.diagnosisDate() != null) {
            out.setRecordedDateElement(new DateTimeType(c.diagnosisDate().toString()));
            out.setOnset(new DateTimeType(c.diagnosisDate().toString()));
        }
        return out;
    }

    /** The stage group with its T, N and M categories as separate observations (clinical or pathological). */
    private static void stage(Bundle b, RecordContent c, Reference subject, Reference cancer, Condition condition) {
        if (c.stageGroup() == null) {
            return;
        }
        boolean pathological = c.t() != null && c.t().startsWith("p");
        CodeableConcept method = coded(SNOMED, c.tnmEdition() != null && c.tnmEdition() == 7 ? "443830009"
                : "897275008", "AJCC " + (c.tnmEdition() == null ? 8 : c.tnmEdition()) + "th edition");
        Observation group = tnm(c.stageGroup(), pathological ? "21902-2" : "21908-9", pathological
                ? "Stage group.pathology Cancer" : "Stage group.clinical Cancer", "mcode-tnm-stage-group",
                subject, cancer, method);
        String[][] categories = {
            {c.t(), pathological ? "21899-0" : "21905-5", "Primary tumor.", "mcode-tnm-primary-tumor-category"},
            {c.n(), pathological ? "21900-6" : "21906-3", "Regional lymph nodes.", "mcode-tnm-regional-nodes-category"},
            {c.m(), pathological ? "21901-4" : "21907-1", "Distant metastases.", "mcode-tnm-distant-metastases-category"},
        };
        add(b, group);
        for (String[] cat : categories) {
            if (cat[0] == null) {
                continue;
            }
            Observation o = tnm(cat[0], cat[1], cat[2] + (pathological ? "pathology" : "clinical") + " Cancer",
                    cat[3], subject, cancer, method);
            add(b, o);
            group.addHasMember(ref(o));
        }
        // mCODE binds the condition's stage type to the staging method (AJCC edition), as the observations' method
        condition.addStage().setSummary(concept(AJCC, c.stageGroup(), "Stage " + c.stageGroup()))
                .addAssessment(ref(group)).setType(method.copy());
    }

    private static Observation tnm(String value, String loinc, String display, String profile, Reference subject,
                                   Reference cancer, CodeableConcept method) {
        Observation o = observation(profile, "survey", subject, cancer);
        o.setCode(coded(LOINC, loinc, display));
        o.setMethod(method);
        o.setValue(concept(AJCC, value, value));
        return o;
    }

    private static Observation ecog(RecordContent c, Reference subject) {
        Observation o = observation("mcode-ecog-performance-status", "survey", subject, null);
        o.setCode(coded(LOINC, "89247-1", "ECOG Performance Status score"));
        o.setValue(new IntegerType(c.ecog()));
        return o;
    }

    private static Procedure surgery(Treatment t, Reference subject, Reference cancer) {
        Procedure p = procedure("mcode-cancer-related-surgical-procedure", t, subject, cancer);
        p.setCode(coded(SNOMED, "387713003", "Surgical procedure").setText(t.detail()));
        return p;
    }

    /**
     * The course summary, and the volume its dose went to: the record knows the dose and fractions of the course, not
     * its planning volumes, so the volume is the primary tumor's site (a radiotherapy volume BodyStructure).
     */
    private static void radiotherapy(Bundle b, Treatment t, RecordContent c, Reference subject, Reference cancer) {
        Procedure p = procedure("mcode-radiotherapy-course-summary", t, subject, cancer);
        p.setCode(coded(SNOMED, "1217123003", "Radiotherapy course of treatment (regime/therapy)")
                .setText(t.detail()));
        if (c.rtTechnique() != null) {
            p.addNote().setText("Technique: " + c.rtTechnique());
        }
        if (c.rtTotalDoseGy() != null) {
            BodyStructure volume = new BodyStructure();
            volume.setId(UUID.randomUUID().toString());
            volume.getMeta().addProfile(MCODE + "mcode-radiotherapy-volume");
            String site = "Primary tumor " + (c.topography() != null ? c.topography() : c.icd10());
            volume.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setValue(site);
            volume.setDescription(site + (c.histology() != null ? ", " + c.histology() : ""));
            volume.setPatient(subject);
            add(b, volume);
            Extension dose = new Extension(MCODE + "mcode-radiotherapy-dose-delivered-to-volume");
            dose.addExtension("volume", ref(volume));
            dose.addExtension("totalDoseDelivered", new Quantity().setValue(c.rtTotalDoseGy() * 100).setUnit("cGy")
                    .setSystem("http://unitsofmeasure.org").setCode("cGy"));
            if (c.rtFractions() != null) {
                dose.addExtension("fractionsDelivered", new UnsignedIntType(c.rtFractions()));
            }
            p.addExtension(dose);
        }
        add(b, p);
    }

    private static MedicationRequest medication(Treatment t, RecordContent c, Reference subject, Reference cancer,
                                                UUID record, int n) {
        MedicationRequest m = new MedicationRequest();
        m.setId(UUID.randomUUID().toString());
        m.getMeta().addProfile(MCODE + "mcode-cancer-related-medication-request");
        m.setStatus(switch (t.status()) {
            case COMPLETED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
            default -> MedicationRequest.MedicationRequestStatus.ACTIVE;
        });
        m.setIntent(t.status() == RecordContent.TreatmentStatus.PLANNED
                ? MedicationRequest.MedicationRequestIntent.PLAN : MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(new CodeableConcept().setText(t.detail() != null ? t.detail() : systemic(t.modality())));
        m.addCategory(coded(SNOMED, switch (t.modality()) {
            case CHEMOTHERAPY -> "367336001";
            case TARGETED -> "1255831008";
            default -> "76334006";
        }, systemic(t.modality())));
        m.setSubject(subject);
        // US Core (us-core-21): an order names its requester; the record knows the attending doctor by name only
        m.setRequester(c.attendingDoctor() != null ? new Reference().setDisplay(c.attendingDoctor())
                : absent(new Reference(), "unknown"));
        m.addReasonReference(cancer);
        m.addIdentifier().setSystem("urn:consilium:registry-record-treatment").setValue(record + "/" + n);
        return m;
    }

    private static Observation diseaseStatus(RecordContent c, Reference subject, Reference cancer) {
        Observation o = observation("mcode-cancer-disease-status", null, subject, cancer);
        o.setCode(coded(LOINC, "97509-4", "Cancer disease progression"));
        String[] status = Boolean.TRUE.equals(c.progression()) || c.recist() == FollowUpVisit.Recist.PD
                ? new String[] {"271299001", "Patient's condition worsened"}
                : c.recist() == null || c.recist() == FollowUpVisit.Recist.NE
                ? new String[] {"709137006", "Patient condition undetermined"}
                : c.recist() == FollowUpVisit.Recist.SD
                ? new String[] {"359746009", "Patient's condition stable"}
                : new String[] {"268910001", "Patient's condition improved"};
        o.setValue(coded(SNOMED, status[0], status[1]).setText(c.recist() == null ? null : "RECIST 1.1 " + c.recist()));
        LocalDate on = c.responseOn() != null ? c.responseOn() : c.lastContactOn();
        if (on != null) {
            o.setEffective(new DateTimeType(on.toString()));
        }
        return o;
    }

    private static Observation observation(String profile, String category, Reference subject, Reference focus) {
        Observation o = new Observation();
        o.setId(UUID.randomUUID().toString());
        o.getMeta().addProfile(MCODE + profile);
        o.setStatus(Observation.ObservationStatus.FINAL);
        if (category != null) {
            o.addCategory(coded("http://terminology.hl7.org/CodeSystem/observation-category", category, null));
        }
        o.setSubject(subject);
        if (focus != null) {
            o.addFocus(focus);
        }
        return o;
    }

    private static Procedure procedure(String profile, Treatment t, Reference subject, Reference cancer) {
        Procedure p = new Procedure();
        p.setId(UUID.randomUUID().toString());
        p.getMeta().addProfile(MCODE + profile);
        p.setStatus(switch (t.status()) {
            case PLANNED -> Procedure.ProcedureStatus.PREPARATION;
            case ONGOING -> Procedure.ProcedureStatus.INPROGRESS;
            case COMPLETED -> Procedure.ProcedureStatus.COMPLETED;
        });
        p.setSubject(subject);
        p.addReasonReference(cancer);
        if (t.status() != RecordContent.TreatmentStatus.PLANNED) {
            // US Core (us-core-7): a procedure under way or done says when; the record keeps no treatment dates
            p.setPerformed(absent(new Period(), "unknown"));
        }
        return p;
    }

    private static String systemic(Modality m) {
        return switch (m) {
            case CHEMOTHERAPY -> "Chemotherapy";
            case TARGETED -> "Targeted therapy";
            default -> "Immunotherapy";
        };
    }

    /** The element with FHIR's data-absent-reason extension instead of a value. */
    private static <T extends org.hl7.fhir.r4.model.Element> T absent(T element, String reason) {
        element.addExtension(PatientName.DATA_ABSENT_REASON, new CodeType(reason));
        return element;
    }

    private static CodeableConcept concept(String system, String code, String text) {
        CodeableConcept cc = new CodeableConcept().addCoding(new Coding(system, code, null));
        if (text != null) {
            cc.setText(text);
        }
        return cc;
    }

    private static CodeableConcept coded(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }

    private static void add(Bundle b, Resource r) {
        b.addEntry().setFullUrl("urn:uuid:" + r.getIdElement().getIdPart()).setResource(r);
    }

    private static Reference ref(Resource r) {
        return new Reference("urn:uuid:" + r.getIdElement().getIdPart());
    }
}
