package org.consilium.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.platform.ProblemException;
import org.consilium.platform.ProblemType;

/**
 * The site codes a new-tumor report may carry: ICD-10 chapter II malignant neoplasms (C00–C97, with the
 * categories WHO leaves unused) and ICD-O-3 topography (C00.0–C80.9, whose three-character sites are those of
 * ICD-10 without C43, C45, C46, C78, C79 and C81–C97).
 */
public final class IcdCodes {

    private static final Pattern ICD10 = Pattern.compile("C(\\d{2})(?:\\.(\\d{1,2}))?");
    private static final Pattern TOPOGRAPHY = Pattern.compile("C(\\d{2})\\.(\\d)");
    /** ICD-10 2019: categories absent from the C00–C97 block. */
    private static final int[] ICD10_UNUSED = {27, 28, 29, 35, 36, 42, 59, 87, 89};
    /** ICD-O-3: sites absent from the topography list (melanoma and mesothelioma sit at their organ's site). */
    private static final int[] TOPOGRAPHY_UNUSED = {27, 28, 29, 35, 36, 43, 45, 46, 59, 78, 79};

    private IcdCodes() {
    }

    /** The ICD-10 code in canonical form (upper case); 400 {@code validation} when it is not a malignant C code. */
    public static String icd10(String code) {
        String c = normalize(code);
        Matcher m = ICD10.matcher(c);
        if (!m.matches() || !inRange(Integer.parseInt(m.group(1)), 97, ICD10_UNUSED)) {
            throw new ProblemException(ProblemType.VALIDATION, "icd10: " + code
                    + " is not an ICD-10 malignant neoplasm code C00–C97 (不是有效的ICD-10恶性肿瘤编码)");
        }
        return c;
    }

    /** The ICD-O-3 topography code in canonical form; 400 {@code validation} when it is not one. */
    public static String topography(String code) {
        String c = normalize(code);
        Matcher m = TOPOGRAPHY.matcher(c);
        if (!m.matches() || !inRange(Integer.parseInt(m.group(1)), 80, TOPOGRAPHY_UNUSED)) {
            throw new ProblemException(ProblemType.VALIDATION, "topography: " + code
                    + " is not an ICD-O-3 topography code C00.0–C80.9 (不是有效的ICD-O-3部位编码)");
        }
        return c;
    }

    private static String normalize(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean inRange(int category, int last, int[] unused) {
        if (category > last) {
            return false;
        }
        for (int u : unused) {
            if (u == category) {
                return false;
            }
        }
        return true;
    }
}
