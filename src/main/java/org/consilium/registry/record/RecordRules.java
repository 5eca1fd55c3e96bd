package org.consilium.registry.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.consilium.consult.recommendation.Tnm;
import org.consilium.platform.Problem.FieldError;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;
import org.consilium.registry.IcdCodes;
import org.consilium.registry.followup.FollowUpVisit.VitalStatus;

/** The rules a record's fields obey across fields, and what a confirmed record must hold. */
final class RecordRules {

    /** ICD-O-3 morphology: a histology code 8000–9993 and a behaviour code (0, 1, 2, 3, 6 or 9), e.g. 8140/3. */
    private static final Pattern MORPHOLOGY = Pattern.compile("(8\\d{3}|9\\d{3})/[012369]");

    private RecordRules() {
    }

    /**
     * The content with its codes in canonical form; 400 {@code validation} listing every problem, each naming its
     * field, when a code is unknown, the primary site changes, TNM is malformed or dates contradict each other.
     */
    static RecordContent checked(RecordContent c, String primarySite, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String icd10 = code(c.icd10(), IcdCodes::icd10, "icd10", errors);
        String topography = code(c.topography(), IcdCodes::topography, "topography", errors);
        if (icd10 != null && !icd10.startsWith(primarySite)) {
            errors.add(new FieldError("icd10", icd10 + " is another primary tumor than this record's " + primarySite
                    + "; register it as a record of its own (另一原发肿瘤请另建档)"));
        }
        String morphology = blankToNull(c.morphology());
        if (morphology != null && !MORPHOLOGY.matcher(morphology).matches()) {
            errors.add(new FieldError("morphology", morphology + " is not an ICD-O-3 morphology code such as 8140/3"
                    + " (不是有效的ICD-O-3形态学编码)"));
        }
        if (hasTnm(c)) {
            if (c.tnmEdition() == null) {
                errors.add(new FieldError("tnmEdition", "the AJCC/UICC edition of the TNM is required (TNM须注明版本)"));
            }
            String site = primarySite.equals("C34") ? "lung" : primarySite;
            for (String p : new Tnm(site, c.t(), c.n(), c.m(), c.stageGroup()).problems()) {
                int colon = p.indexOf(": ");
                String field = p.substring(0, colon).replace("tnm.", "");
                errors.add(new FieldError(field.equals("tnm") ? "stageGroup" : field, p.substring(colon + 2)));
            }
        }
        dates(c, today, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
        return new RecordContent(blankToNull(c.attendingDoctor()), c.diagnosisDate(), c.basisOfDiagnosis(), icd10,
                topography, morphology, blankToNull(c.histology()), blankToNull(c.grade()), c.tnmEdition(),
                blankToNull(c.t()), blankToNull(c.n()), blankToNull(c.m()), blankToNull(c.stageGroup()), c.ecog(),
                c.intent(), c.treatments(), blankToNull(c.treatmentPlan()), c.rtTotalDoseGy(), c.rtFractions(),
                blankToNull(c.rtTechnique()), c.recist(), c.responseOn(), c.lastContactOn(), c.vitalStatus(),
                c.deathDate(), c.recurrence(), c.progression());
    }

    /** The fields a record needs before it is confirmed; empty when it may be. */
    static List<String> missingForConfirmation(RecordContent c) {
        List<String> missing = new ArrayList<>();
        require(c.attendingDoctor(), "attendingDoctor", missing);
        require(c.diagnosisDate(), "diagnosisDate", missing);
        require(c.basisOfDiagnosis(), "basisOfDiagnosis", missing);
        require(c.icd10(), "icd10", missing);
        require(c.topography(), "topography", missing);
        require(c.morphology(), "morphology", missing);
        require(c.tnmEdition(), "tnmEdition", missing);
        require(c.t(), "t", missing);
        require(c.n(), "n", missing);
        require(c.m(), "m", missing);
        require(c.stageGroup(), "stageGroup", missing);
        if (c.treatmentsOrEmpty().isEmpty()) {
            missing.add("treatments");
        }
        return missing;
    }

    private static boolean hasTnm(RecordContent c) {
        return c.t() != null || c.n() != null || c.m() != null || c.stageGroup() != null;
    }

    private static void dates(RecordContent c, LocalDate today, List<FieldError> errors) {
        notFuture("diagnosisDate", c.diagnosisDate(), today, errors);
        notFuture("responseOn", c.responseOn(), today, errors);
        notFuture("lastContactOn", c.lastContactOn(), today, errors);
        notFuture("deathDate", c.deathDate(), today, errors);
        if (c.deathDate() != null && c.vitalStatus() != VitalStatus.DECEASED) {
            errors.add(new FieldError("deathDate", "a date of death needs vitalStatus DECEASED"));
        }
        if (c.vitalStatus() == VitalStatus.DECEASED && c.deathDate() == null) {
            errors.add(new FieldError("deathDate", "required when vitalStatus is DECEASED (死亡须填日期)"));
        }
        if (c.deathDate() != null && c.diagnosisDate() != null && c.deathDate().isBefore(c.diagnosisDate())) {
            errors.add(new FieldError("deathDate", c.deathDate() + " is before the diagnosis on " + c.diagnosisDate()));
        }
    }

    private static void notFuture(String field, LocalDate d, LocalDate today, List<FieldError> errors) {
        if (d != null && d.isAfter(today)) {
            errors.add(new FieldError(field, d + " is in the future (日期不能晚于今天)"));
        }
    }

    private static String code(String value, UnaryOperator<String> check, String field, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return check.apply(v);
        } catch (ProblemException e) {
            errors.add(new FieldError(field, e.getMessage().substring(e.getMessage().indexOf(": ") + 2)));
            return null;
        }
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
