package org.consilium.consult.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TNM classification in the AJCC 8th edition: T, N and M categories with their prefix (c clinical, p
 * pathological, yc/yp after neoadjuvant therapy, r recurrence, a autopsy) and the stage group. {@link #problems}
 * checks the grammar of each category and, for lung (the 8th edition's NSCLC table), that the stage group is
 * the one the categories define. For other sites it checks the rule every 8th-edition table shares except
 * differentiated thyroid cancer: distant metastasis (M1) means stage IV.
 *
 * @param site       disease site, e.g. {@code lung}; {@code lung} enables the full stage check
 * @param t          e.g. {@code cT2a}, {@code pT1mi}, {@code Tis}
 * @param n          e.g. {@code cN1}, {@code N2b}
 * @param m          e.g. {@code M0}, {@code cM1c}
 * @param stageGroup e.g. {@code IIB}, {@code IVA}, {@code 0}, {@code occult}
 */
public record Tnm(String site, String t, String n, String m, String stageGroup) {

    private static final String PREFIX = "(?:yc|yp|c|p|r|a)?";
    private static final Pattern T = Pattern.compile(PREFIX + "T(X|0|is|1mi|1[a-c]?|2[a-b]?|3|4[a-e]?)(?:\\(m\\d*\\))?");
    private static final Pattern N = Pattern.compile(PREFIX + "N(X|0|1mi|1[a-c]?|2[a-c]?|3[a-c]?)(?:\\((?:sn|f)\\))?");
    private static final Pattern M = Pattern.compile(PREFIX + "M(0|1[a-d]?)");
    private static final Pattern STAGE = Pattern.compile("0|occult|(?:I{1,3}|IV)(?:[ABC][1-3]?)?");

    /** The sites with a built-in stage table. */
    public static final List<String> STAGED_SITES = List.of("lung");

    /** Every problem, as "field: message"; empty when the classification is consistent. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        String tc = category(T, t, "tnm.t", "T", out);
        String nc = category(N, n, "tnm.n", "N", out);
        String mc = category(M, m, "tnm.m", "M", out);
        if (stageGroup == null || !STAGE.matcher(stageGroup).matches()) {
            out.add("tnm.stageGroup: must be an AJCC 8th stage group such as 0, IA1, IIB, IIIC or IVA");
            return out;
        }
        if (tc == null || nc == null || mc == null) {
            return out;
        }
        if ("lung".equals(normalisedSite())) {
            String expected = LungStage.of(tc, nc, mc);
            if (expected == null) {
                out.add("tnm: T" + tc + " N" + nc + " M" + mc + " has no stage group in the AJCC 8th lung table");
            } else if (!expected.equals(stageGroup)) {
                out.add("tnm.stageGroup: AJCC 8th lung T" + tc + " N" + nc + " M" + mc + " is stage " + expected
                        + ", not " + stageGroup);
            }
        } else if (mc.startsWith("1") && !stageGroup.startsWith("IV") && !normalisedSite().startsWith("thyroid")) {
            out.add("tnm.stageGroup: distant metastasis (M" + mc + ") is stage IV in the AJCC 8th edition");
        }
        return out;
    }

    /** "T2a N1 M0, stage IIB" as a report prints it. */
    public String summary() {
        return t + " " + n + " " + m + ", " + stageGroup;
    }

    private String normalisedSite() {
        return site == null ? "" : site.strip().toLowerCase(Locale.ROOT);
    }

    /** The category without prefix and suffix ("2a" of "cT2a"), or null after recording a problem. */
    private static String category(Pattern p, String value, String field, String letter, List<String> out) {
        Matcher matcher = value == null ? null : p.matcher(value.strip());
        if (matcher == null || !matcher.matches()) {
            out.add(field + ": must be an AJCC 8th " + letter + " category such as " + switch (letter) {
                case "T" -> "cT2a, pT1mi or Tis";
                case "N" -> "cN0 or pN2b";
                default -> "cM0 or M1c";
            });
            return null;
        }
        return matcher.group(1);
    }

    /** AJCC 8th edition, lung (non-small cell and carcinoid): stage groups by T, N and M. */
    static final class LungStage {

        private LungStage() {
        }

        static String of(String t, String n, String m) {
            if (m.startsWith("1")) {
                return switch (m) {
                    case "1a", "1b" -> "IVA";
                    case "1c" -> "IVB";
                    default -> null; // M1 without subcategory is not staged in the 8th lung table
                };
            }
            if (!m.equals("0") || n.equals("X")) {
                return null;
            }
            if (t.equals("X")) {
                return n.equals("0") ? "occult" : null;
            }
            if (t.equals("is")) {
                return n.equals("0") ? "0" : null;
            }
            int row = tRow(t);
            int col = nColumn(n);
            if (row < 0 || col < 0) {
                return null;
            }
            return TABLE[row][col];
        }

        // rows: T1mi, T1a, T1b, T1c, T2a, T2b, T3, T4; columns: N0, N1, N2, N3
        private static final String[][] TABLE = {
            {"IA1", "IIB", "IIIA", "IIIB"},
            {"IA1", "IIB", "IIIA", "IIIB"},
            {"IA2", "IIB", "IIIA", "IIIB"},
            {"IA3", "IIB", "IIIA", "IIIB"},
            {"IB", "IIB", "IIIA", "IIIB"},
            {"IIA", "IIB", "IIIA", "IIIB"},
            {"IIB", "IIIA", "IIIB", "IIIC"},
            {"IIIA", "IIIA", "IIIB", "IIIC"},
        };

        private static int tRow(String t) {
            return switch (t) {
                case "1mi" -> 0;
                case "1a" -> 1;
                case "1b" -> 2;
                case "1c" -> 3;
                case "2a" -> 4;
                case "2b" -> 5;
                case "3" -> 6;
                case "4" -> 7;
                default -> -1; // T1, T2 without subcategory, T0: not staged in the lung table
            };
        }

        private static int nColumn(String n) {
            return switch (n) {
                case "0" -> 0;
                case "1" -> 1;
                case "2" -> 2;
                case "3" -> 3;
                default -> -1;
            };
        }
    }
}
