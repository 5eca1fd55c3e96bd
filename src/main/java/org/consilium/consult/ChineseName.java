package org.consilium.consult;

import java.text.Normalizer;

/**
 * Names as stored and as searched, so that the same name typed differently still matches: full-width
 * letters and digits become half-width (NFKC), spaces between Han characters go ("张 三" is "张三"), and the
 * separators of transliterated minority names (·, •, ・, ．) become one middle dot ("阿依古丽·买买提").
 */
final class ChineseName {

    private ChineseName() {
    }

    static String normalize(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).strip()
                .replaceAll("[\\u2022\\u30FB\\uFF65\\u2027\\u00B7.]", "·")
                .replaceAll("\\s+", " ");
        // Spaces matter only between Latin letters ("Ma Li"); next to a Han character they are typing noise.
        return s.replaceAll("(?<=\\p{IsHan}|·) | (?=\\p{IsHan}|·)", "");
    }

    /** A LIKE pattern (escape character {@code !}) for "contains". */
    static String containsPattern(String query) {
        return "%" + escaped(query) + "%";
    }

    /** A LIKE pattern (escape character {@code !}) for "starts with". */
    static String prefixPattern(String query) {
        return escaped(query) + "%";
    }

    private static String escaped(String query) {
        return normalize(query).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
