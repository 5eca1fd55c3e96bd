package org.consilium.consult.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TnmTest {

    @ParameterizedTest(name = "lung {0} {1} {2} is stage {3}")
    @CsvSource({
        "cT1mi, cN0, cM0, IA1",
        "cT1a, cN0, cM0, IA1",
        "pT1b, pN0, cM0, IA2",
        "cT1c, cN0, cM0, IA3",
        "cT2a, cN0, cM0, IB",
        "cT2b, cN0, cM0, IIA",
        "cT1a, cN1, cM0, IIB",
        "cT2a, cN1, cM0, IIB",
        "cT3, cN0, cM0, IIB",
        "cT2b, cN2, cM0, IIIA",
        "cT3, cN1, cM0, IIIA",
        "cT4, cN0, cM0, IIIA",
        "cT4, cN1, cM0, IIIA",
        "cT1c, cN3, cM0, IIIB",
        "cT3, cN2, cM0, IIIB",
        "cT4, cN2, cM0, IIIB",
        "cT3, cN3, cM0, IIIC",
        "cT4, cN3, cM0, IIIC",
        "cT2a, cN0, cM1a, IVA",
        "cT1a, cN2, cM1b, IVA",
        "cT4, cN3, cM1c, IVB",
        "Tis, N0, M0, 0",
        "TX, N0, M0, occult",
        "ypT2a, ypN1, cM0, IIB",
    })
    void acceptsTheAjcc8thLungStageGroup(String t, String n, String m, String stage) {
        assertEquals(List.of(), new Tnm("lung", t, n, m, stage).problems());
    }

    @Test
    void rejectsAStageGroupThatTheLungCategoriesDoNotDefine() {
        List<String> problems = new Tnm("lung", "cT2a", "cN1", "cM0", "IIA").problems();
        assertEquals(List.of("tnm.stageGroup: AJCC 8th lung T2a N1 M0 is stage IIB, not IIA"), problems);
        assertEquals(1, new Tnm("Lung", "cT3", "cN3", "cM0", "IIIB").problems().size());
    }

    @Test
    void rejectsCategoriesThatAreNotAjcc8thGrammar() {
        List<String> problems = new Tnm("lung", "T5", "cN4", "M2", "IIB").problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("tnm.t:"), problems.get(0));
        assertTrue(problems.get(1).startsWith("tnm.n:"), problems.get(1));
        assertTrue(problems.get(2).startsWith("tnm.m:"), problems.get(2));
        assertTrue(new Tnm("lung", "cT2a", "cN1", "cM0", "IIE").problems().get(0).startsWith("tnm.stageGroup:"));
        assertTrue(new Tnm("lung", "cT2a", null, "cM0", "IIB").problems().get(0).startsWith("tnm.n:"));
    }

    @Test
    void lungCategoriesWithoutTheSubcategoryTheTableNeedsAreNotStaged() {
        List<String> problems = new Tnm("lung", "cT2", "cN0", "cM0", "IB").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("no stage group"), problems.get(0));
    }

    @Test
    void otherSitesNeedStageFourForDistantMetastasis() {
        assertEquals(List.of(), new Tnm("breast", "cT2", "cN1a", "cM0", "IIB").problems());
        assertEquals(List.of(), new Tnm("colorectal", "pT4b", "pN2b", "cM1c", "IVC").problems());
        List<String> problems = new Tnm("colorectal", "pT3", "pN0", "cM1a", "IIA").problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("stage IV"), problems.get(0));
        // differentiated thyroid cancer under 55 is stage II with M1: the one 8th-edition exception
        assertEquals(List.of(), new Tnm("thyroid-differentiated", "pT2", "pN1a", "cM1", "II").problems());
    }
}
