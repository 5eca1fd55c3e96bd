package org.consilium.identity;

/** How people's names are shown: Chinese names family-first without a space, others given-first. */
final class PersonNames {

    private PersonNames() {
    }

    static String display(String family, String given, String fallback) {
        boolean hasFamily = family != null && !family.isBlank();
        boolean hasGiven = given != null && !given.isBlank();
        if (!hasFamily && !hasGiven) {
            return fallback;
        }
        if (!hasFamily) {
            return given;
        }
        if (!hasGiven) {
            return family;
        }
        return isHan(family) ? family + given : given + " " + family;
    }

    private static boolean isHan(String s) {
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
