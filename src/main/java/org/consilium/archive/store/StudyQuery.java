package org.consilium.archive.store;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.consilium.archive.StudyAccess;
import org.consilium.dicom.data.Attributes;

/**
 * Turns matching keys into SQL over the index, at one level, scoped to what a hospital may see.
 * Shared by QIDO-RS and C-FIND so both match the same way (PS3.4 C.2.2.2): single value, wildcard
 * ({@code *} and {@code ?}), range, UID list, universal (empty) and, for person names, case-insensitive
 * matching on any of the alphabetic, ideographic and phonetic groups.
 */
public final class StudyQuery {

    private static final HexFormat TAG_HEX = HexFormat.of().withUpperCase();

    private final QueryLevel level;
    private final UUID viewerHospital;
    private final boolean fuzzy;
    private final List<String> where = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public StudyQuery(QueryLevel level, UUID viewerHospital, boolean fuzzyNames) {
        this.level = level;
        this.viewerHospital = viewerHospital;
        this.fuzzy = fuzzyNames;
    }

    /** Adds one matching key; false when the attribute is not a matching key at this level (ignored). */
    public boolean match(int tag, String value) {
        MatchingKeys.Key key = MatchingKeys.KEYS.get(tag);
        if (key == null || key.level().ordinal() > level.ordinal()) {
            return false;
        }
        if (value == null || value.isEmpty() || value.equals("*")) {
            return true; // universal matching
        }
        switch (key.kind()) {
            case UID_LIST -> uidList(key.column(), value);
            case WILDCARD -> wildcard(key.column(), value);
            case PERSON_NAME -> personName(value);
            case DATE_RANGE -> dateRange(key.column(), value);
            case INTEGER -> integer(key.column(), value);
            case MODALITY_IN_STUDY -> {
                where.add("exists (select 1 from series_record m where m.study_fk = s.id and m.modality = ?)");
                params.add(value);
            }
        }
        return true;
    }

    /**
     * Adds a sequence matching key (PS3.4 C.2.2.2.6): a stored item must match every non-empty key of the
     * query's item. False when the sequence is not matched at this level (the key is then ignored).
     */
    public boolean matchSequence(int tag, Attributes item) {
        MatchingKeys.SequenceKey key = MatchingKeys.SEQUENCES.get(tag);
        if (key == null || key.level().ordinal() > level.ordinal()) {
            return false;
        }
        List<String> conditions = new ArrayList<>();
        for (int i = 0; item != null && i < item.size(); i++) {
            int itemTag = item.tagAt(i);
            String[] values = key.itemKeys().contains(itemTag) ? item.stringsAt(i) : null;
            String value = values == null || values.length == 0 ? "" : String.join("\\", values);
            if (value.isEmpty() || value.equals("*")) {
                continue; // universal
            }
            String element = "@.\"" + TAG_HEX.toHexDigits(itemTag) + "\".Value[*]";
            conditions.add(value.contains("*") || value.contains("?")
                    ? element + " like_regex " + jsonPathString(wildcardRegex(value))
                    : element + " == " + jsonPathString(value));
        }
        if (!conditions.isEmpty()) {
            where.add("jsonb_path_exists(" + key.column() + "::jsonb, ?::jsonpath)");
            params.add("$.\"" + TAG_HEX.toHexDigits(tag) + "\".Value[*] ? (" + String.join(" && ", conditions) + ")");
        }
        return true;
    }

    /** A wildcard value (PS3.4 C.2.2.2.4) as an anchored regular expression. */
    static String wildcardRegex(String value) {
        StringBuilder sb = new StringBuilder("^");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '.', '^', '$', '+', '(', ')', '[', ']', '{', '}', '|', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.append('$').toString();
    }

    /** A string literal of the SQL/JSON path language: the value is data, never path syntax. */
    static String jsonPathString(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    public QueryLevel level() {
        return level;
    }

    /** FROM and WHERE, with the hospital scope; columns are chosen by the caller. */
    public String fromWhere() {
        StringBuilder sql = new StringBuilder(" from study_record s join patient_record p on p.id = s.patient_fk");
        if (level != QueryLevel.STUDY) {
            sql.append(" join series_record se on se.study_fk = s.id");
        }
        if (level == QueryLevel.IMAGE) {
            sql.append(" join instance_record i on i.series_fk = se.id");
        }
        sql.append(" where ").append(StudyAccess.VISIBLE_TO_HOSPITAL);
        for (String w : where) {
            sql.append(" and ").append(w);
        }
        return sql.toString();
    }

    /** Parameters for {@link #fromWhere()}, in order. */
    public List<Object> params() {
        List<Object> all = new ArrayList<>(params.size() + 2);
        all.add(viewerHospital);
        all.add(viewerHospital);
        all.addAll(params);
        return all;
    }

    private void uidList(String column, String value) {
        String[] uids = value.split("[,\\\\]");
        where.add(column + " in (" + "?,".repeat(uids.length - 1) + "?)");
        for (String u : uids) {
            params.add(u.trim());
        }
    }

    private void wildcard(String column, String value) {
        if (value.contains("*") || value.contains("?")) {
            where.add(column + " like ? escape '\\'");
            params.add(likePattern(value));
        } else {
            where.add(column + " = ?");
            params.add(value);
        }
    }

    private void personName(String value) {
        String v = value.toUpperCase(Locale.ROOT);
        if (fuzzy) {
            // fuzzymatching: any name component that starts with the value, in any group
            where.add("(p.name_search like ? escape '\\' or p.name_search like ? escape '\\'"
                    + " or p.name_search like ? escape '\\' or p.name_search like ? escape '\\')");
            String stem = likePattern(v.replace("*", ""));
            params.add(stem + "%");
            params.add("%^" + stem + "%");
            params.add("%=" + stem + "%");
            params.add("% " + stem + "%");
            return;
        }
        boolean wild = v.contains("*") || v.contains("?");
        String op = wild ? " like ? escape '\\'" : " = ?";
        Object p = wild ? likePattern(v) : v;
        where.add("(upper(p.name_alphabetic)" + op + " or p.name_ideographic" + op + " or upper(p.name_phonetic)" + op
                + " or p.name_search" + op + ")");
        params.add(p);
        params.add(wild ? likePattern(value) : value);
        params.add(p);
        params.add(p);
    }

    private void dateRange(String column, String value) {
        int dash = value.length() == 10 && value.charAt(4) == '-' ? -1 : value.indexOf('-'); // 1997-04-24 is a date
        if (dash < 0) {
            where.add(column + " = ?");
            params.add(IndexValues.matchableDate(value));
            return;
        }
        String from = IndexValues.matchableDate(value.substring(0, dash).trim());
        String to = IndexValues.matchableDate(value.substring(dash + 1).trim());
        if (!from.isEmpty()) {
            where.add(column + " >= ?");
            params.add(from);
        }
        if (!to.isEmpty()) {
            where.add(column + " <= ?");
            params.add(to);
        }
    }

    private void integer(String column, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            where.add(column + " = ?");
            params.add(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: " + value);
        }
    }

    static String likePattern(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> sb.append('%');
                case '?' -> sb.append('_');
                case '%', '_', '\\' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
