package org.consilium.dicom.data;

/**
 * A PN value (PS3.5 6.2.1): up to three component groups separated by '=' (alphabetic, ideographic,
 * phonetic), each with up to five components separated by '^'.
 */
public record PersonName(Group alphabetic, Group ideographic, Group phonetic) {

    /** family^given^middle^prefix^suffix; absent components are empty strings. */
    public record Group(String family, String given, String middle, String prefix, String suffix) {

        public static final Group EMPTY = new Group("", "", "", "", "");

        static Group parse(String s) {
            String[] c = s.split("\\^", -1);
            return new Group(c[0], at(c, 1), at(c, 2), at(c, 3), at(c, 4));
        }

        private static String at(String[] c, int i) {
            return i < c.length ? c[i] : "";
        }

        public boolean isEmpty() {
            return toString().isEmpty();
        }

        /** The encoded form, without trailing empty components. */
        @Override
        public String toString() {
            return trimTrailing(String.join("^", family, given, middle, prefix, suffix), '^');
        }
    }

    /** Parses one PN value (already decoded from its character set). */
    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        return new PersonName(
                Group.parse(groups[0]),
                groups.length > 1 ? Group.parse(groups[1]) : Group.EMPTY,
                groups.length > 2 ? Group.parse(groups[2]) : Group.EMPTY);
    }

    /** The encoded form "alphabetic=ideographic=phonetic", without trailing empty groups. */
    @Override
    public String toString() {
        return trimTrailing(alphabetic + "=" + ideographic + "=" + phonetic, '=');
    }

    private static String trimTrailing(String s, char c) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(0, end);
    }
}
