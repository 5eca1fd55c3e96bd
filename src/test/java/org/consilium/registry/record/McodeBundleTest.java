package org.consilium.registry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.consilium.consult.PatientView;
import org.consilium.consult.recommendation.RecommendationContent.Intent;
import org.consilium.consult.recommendation.RecommendationContent.Modality;
import org.consilium.registry.followup.FollowUpVisit;
import org.consilium.registry.record.RecordContent.Treatment;
import org.consilium.registry.record.RecordContent.TreatmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;

class McodeBundleTest {

    private final McodeBundle mcode = new McodeBundle();

    @Test
    void aCompleteRecordBecomesAnMcodeBundleThatTheR4ValidatorAccepts() {
        RecordView r = record(content(FollowUpVisit.VitalStatus.ALIVE, null));
        String json = mcode.json(r);
        assertEquals(List.of(), McodeValidation.errors(json));

        Bundle b = (Bundle) mcode.context().newJsonParser().parseResource(json);
        assertEquals(List.of("Patient", "Condition", "Observation", "Observation", "Observation", "Observation",
                "Observation", "Procedure", "MedicationRequest", "BodyStructure", "Procedure", "Observation"), b.getEntry().stream()
                .map(e -> e.getResource().getResourceType().name()).toList());
        Condition cancer = (Condition) b.getEntry().get(1).getResource();
        assertEquals("C34.1", cancer.getCode().getCodingFirstRep().getCode());
        assertEquals("C34.1", cancer.getBodySiteFirstRep().getCodingFirstRep().getCode());
        assertEquals("8140/3", ((org.hl7.fhir.r4.model.CodeableConcept) cancer.getExtensionByUrl(McodeBundle.MCODE
                + "mcode-histology-morphology-behavior").getValue()).getCodingFirstRep().getCode());
        assertEquals("IIB", cancer.getStageFirstRep().getSummary().getCodingFirstRep().getCode());
        Observation group = (Observation) b.getEntry().get(2).getResource();
        assertEquals("21902-2", group.getCode().getCodingFirstRep().getCode(), "pT means the pathological stage");
        assertEquals(3, group.getHasMember().size());
        Observation ecog = (Observation) b.getEntry().get(6).getResource();
        assertEquals("89247-1", ecog.getCode().getCodingFirstRep().getCode());
        assertEquals(1, ecog.getValueIntegerType().getValue());
    }

    @Test
    void aDeathIsThePatientsAndTheConditionIsNoLongerActive() {
        String json = mcode.json(record(content(FollowUpVisit.VitalStatus.DECEASED, LocalDate.of(2027, 3, 1))));
        assertEquals(List.of(), McodeValidation.errors(json));
        Bundle b = (Bundle) mcode.context().newJsonParser().parseResource(json);
        org.hl7.fhir.r4.model.Patient p = (org.hl7.fhir.r4.model.Patient) b.getEntryFirstRep().getResource();
        assertTrue(p.getDeceasedDateTimeType().getValueAsString().startsWith("2027-03-01"));
        assertEquals(ResourceType.Condition, b.getEntry().get(1).getResource().getResourceType());
        assertEquals("inactive", ((Condition) b.getEntry().get(1).getResource()).getClinicalStatus()
                .getCodingFirstRep().getCode());
    }

    @Test
    void aTnmCategoryWithoutItsStagingMethodBreaksTheMcodeProfile() {
        Bundle b = mcode.bundle(record(content(FollowUpVisit.VitalStatus.ALIVE, null)));
        Observation t = b.getEntry().stream().map(e -> e.getResource()).filter(r -> r.getMeta()
                .hasProfile(McodeBundle.MCODE + "mcode-tnm-primary-tumor-category")).map(Observation.class::cast)
                .findFirst().orElseThrow();
        t.setMethod(null); // base R4 allows an observation without a method; mCODE's TNM categories require one
        String json = mcode.context().newJsonParser().encodeResourceToString(b);
        List<String> errors = McodeValidation.errors(json);
        assertTrue(errors.stream().anyMatch(e -> e.contains("Observation.method") && e.contains("mcode-tnm-primary"
                + "-tumor-category")), errors.toString());
    }

    @Test
    void onlyReferenceTargetsAndTheUsCoreCategorySliceGoUncheckedWithoutUsCore() {
        List<String> unchecked = McodeValidation.uncheckedWithoutUsCore(mcode.json(record(content(
                FollowUpVisit.VitalStatus.ALIVE, null))));
        assertTrue(unchecked.stream().allMatch(e -> e.contains("/us/core/StructureDefinition/")
                || e.contains("Invalid Resource target type") || e.contains("category:us-core")), unchecked.toString());
    }

    @Test
    void theValidatorFindsABrokenBundle() {
        String json = mcode.json(record(content(FollowUpVisit.VitalStatus.ALIVE, null)))
                .replaceFirst("\"gender\": \"female\"", "\"gender\": \"woman\"");
        assertTrue(McodeValidation.errors(json).stream().anyMatch(e -> e.contains("woman")),
                McodeValidation.errors(json).toString());
    }

    static RecordContent content(FollowUpVisit.VitalStatus vital, LocalDate death) {
        return new RecordContent("钱进", LocalDate.of(2026, 11, 2), RecordContent.BasisOfDiagnosis.HISTOLOGY_PRIMARY,
                "C34.1", "C34.1", "8140/3", "浸润性腺癌 invasive adenocarcinoma", "G2", 8, "pT2a", "pN1", "cM0", "IIB", 1,
                Intent.CURATIVE, List.of(
                        new Treatment(Modality.SURGERY, 1, "胸腔镜右肺上叶切除", TreatmentStatus.COMPLETED),
                        new Treatment(Modality.CHEMOTHERAPY, 2, "顺铂 + 培美曲塞 4 周期", TreatmentStatus.ONGOING),
                        new Treatment(Modality.RADIOTHERAPY, 3, "术后放疗", TreatmentStatus.PLANNED)),
                "手术切除后辅助化疗", 50.0, 25, "lung IMRT", FollowUpVisit.Recist.SD, LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 2, 1), vital, death, false, false);
    }

    static RecordView record(RecordContent c) {
        UUID hospital = UUID.fromString("019a0000-0000-7000-8000-000000000002");
        PatientView p = new PatientView(UUID.randomUUID(), hospital, "CX-000777", "陈桂英", "F",
                LocalDate.of(1958, 3, 14), null, null, 0);
        return new RecordView(UUID.randomUUID(), 0, p, hospital, "长兴县人民医院", "C34", RecordState.CONFIRMED, 1, c,
                Map.of(), List.of(), "王芳", Instant.now(), "王芳", Instant.now(), "王芳", Instant.now(), List.of());
    }
}
