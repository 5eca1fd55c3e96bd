package org.consilium.consult.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.consilium.consult.recommendation.Evaluation.OrganFunction;
import org.consilium.consult.recommendation.Evaluation.OrganStatus;
import org.consilium.consult.recommendation.Evaluation.SurgicalTolerance;
import org.consilium.consult.recommendation.RecommendationContent.Intent;
import org.consilium.consult.recommendation.RecommendationContent.Modality;
import org.consilium.consult.recommendation.RecommendationContent.ModalityStep;
import org.junit.jupiter.api.Test;

class RecommendationContentTest {

    static RecommendationContent content(SurgicalTolerance tolerance, Intent intent, ModalityStep... steps) {
        OrganFunction organs = new OrganFunction(OrganStatus.NORMAL, OrganStatus.MILD, OrganStatus.NORMAL,
                OrganStatus.NORMAL);
        Evaluation e = new Evaluation(1, organs, tolerance, new Evaluation.TnmInput("lung", "cT2a", "cN1", "cM0", "IIB"),
                null);
        return new RecommendationContent(e, intent, List.of(steps), "rationale", null);
    }

    static ModalityStep step(Modality m, int sequence) {
        return new ModalityStep(m, sequence, null);
    }

    @Test
    void concurrentStepsShareASequenceNumber() {
        var chemoradiation = content(SurgicalTolerance.INTOLERABLE, Intent.CURATIVE, step(Modality.CHEMOTHERAPY, 1),
                step(Modality.RADIOTHERAPY, 1), step(Modality.IMMUNOTHERAPY, 2));
        assertEquals(List.of(), chemoradiation.problems());
    }

    @Test
    void sequenceNumbersRunWithoutGaps() {
        var gap = content(SurgicalTolerance.TOLERABLE, Intent.CURATIVE, step(Modality.SURGERY, 1), step(Modality.CHEMOTHERAPY, 3));
        assertEquals(1, gap.problems().size());
        assertTrue(gap.problems().get(0).startsWith("modalities: sequence numbers"), gap.problems().get(0));
    }

    @Test
    void surgeryNeedsAPatientFitForIt() {
        var p = content(SurgicalTolerance.INTOLERABLE, Intent.CURATIVE, step(Modality.SURGERY, 1)).problems();
        assertEquals(List.of("modalities: surgery is recommended but the evaluation finds the patient unfit for it"), p);
    }

    @Test
    void bestSupportiveCareIsPalliativeAndAlone() {
        assertEquals(List.of(), content(SurgicalTolerance.INTOLERABLE, Intent.PALLIATIVE,
                step(Modality.BEST_SUPPORTIVE_CARE, 1)).problems());
        List<String> p = content(SurgicalTolerance.INTOLERABLE, Intent.CURATIVE, step(Modality.BEST_SUPPORTIVE_CARE, 1),
                step(Modality.CHEMOTHERAPY, 2)).problems();
        assertEquals(2, p.size(), p.toString());
    }

    @Test
    void tnmProblemsAreTheContentsProblems() {
        OrganFunction organs = new OrganFunction(OrganStatus.NORMAL, OrganStatus.NORMAL, OrganStatus.NORMAL,
                OrganStatus.NORMAL);
        var wrongStage = new RecommendationContent(new Evaluation(0, organs, SurgicalTolerance.TOLERABLE,
                new Evaluation.TnmInput("lung", "cT1c", "cN0", "cM0", "IA1"), null), Intent.CURATIVE,
                List.of(step(Modality.SURGERY, 1)), "r", null);
        assertEquals(List.of("tnm.stageGroup: AJCC 8th lung T1c N0 M0 is stage IA3, not IA1"), wrongStage.problems());
    }
}
