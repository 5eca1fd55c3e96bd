package org.consilium.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard data dictionary (PS3.6 6), loaded once from the generated {@code elements.tsv}.
 * Lookups by tag and by keyword are hash lookups; repeating groups (50xx, 60xx, 7Fxx) and the
 * (0020,31xx) element range are found by masking the tag, at most two extra lookups.
 */
public final class ElementDictionary {

    /** One entry; {@code vrs} lists the allowed VRs, the first being the one used for implicit VR. */
    public record Entry(int tag, List<VR> vrs, String vm, String keyword, boolean retired) {
        public VR vr() {
            return vrs.isEmpty() ? VR.UN : vrs.get(0);
        }
    }

    private static final int GROUP_MASK = 0xFF00FFFF;
    private static final int ELEMENT_MASK = 0xFFFFFF00;
    private static final Entry PRIVATE_CREATOR = new Entry(0, List.of(VR.LO), "1", "PrivateCreator", false);
    private static final Entry GROUP_LENGTH = new Entry(0, List.of(VR.UL), "1", "GroupLength", false);

    private static final Map<Integer, Entry> BY_TAG = new HashMap<>(8192);
    private static final Map<Integer, Entry> BY_MASKED_GROUP = new HashMap<>(256);
    private static final Map<Integer, Entry> BY_MASKED_ELEMENT = new HashMap<>(16);
    private static final Map<String, Entry> BY_KEYWORD = new HashMap<>(8192);

    static {
        load();
    }

    private ElementDictionary() {}

    /** The entry for a tag, or null for an unknown public or private tag. */
    public static Entry entryOf(int tag) {
        Entry e = BY_TAG.get(tag);
        if (e != null) {
            return e;
        }
        int group = tag >>> 16;
        if ((group >= 0x5000 && group <= 0x60FF || group >= 0x7F00 && group <= 0x7FFF) && (group & 1) == 0) {
            e = BY_MASKED_GROUP.get(tag & GROUP_MASK);
            if (e != null) {
                return e;
            }
        }
        e = BY_MASKED_ELEMENT.get(tag & ELEMENT_MASK);
        if (e != null) {
            return e;
        }
        if (Tag.isGroupLength(tag)) {
            return GROUP_LENGTH;
        }
        if (Tag.isPrivateCreator(tag)) {
            return PRIVATE_CREATOR;
        }
        return null;
    }

    /** The VR to assume in implicit VR: the dictionary's first choice, or UN when the tag is unknown. */
    public static VR vrOf(int tag) {
        Entry e = entryOf(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The keyword, for example "PatientName", or null for an unknown tag. */
    public static String keywordOf(int tag) {
        Entry e = entryOf(tag);
        return e == null ? null : e.keyword();
    }

    /** The tag of a keyword (the first group of a repeating group), or -1 if the keyword is unknown. */
    public static int tagOf(String keyword) {
        Entry e = BY_KEYWORD.get(keyword);
        return e == null ? -1 : e.tag();
    }

    /** Value multiplicity as PS3.6 writes it, for example "1", "2-2n", "1-n"; null for unknown tags. */
    public static String vmOf(int tag) {
        Entry e = entryOf(tag);
        return e == null ? null : e.vm();
    }

    public static boolean isRetired(int tag) {
        Entry e = entryOf(tag);
        return e != null && e.retired();
    }

    private static void load() {
        for (String[] row : readTable("elements.tsv")) {
            add(row);
        }
    }

    /** The rows of a generated tab-separated table next to this class, without comment lines. */
    static List<String[]> readTable(String name) {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(String[] f) {
        int tag = Integer.parseUnsignedInt(f[0], 16);
        int mask = Integer.parseUnsignedInt(f[1], 16);
        List<VR> vrs = "NONE".equals(f[2]) ? List.of() : java.util.Arrays.stream(f[2].split("/")).map(VR::valueOf).toList();
        Entry e = new Entry(tag, vrs, f[3], f[4], "R".equals(f[5]));
        if (mask == -1) {
            BY_TAG.put(tag, e);
        } else if (mask == GROUP_MASK) {
            BY_MASKED_GROUP.put(tag, e);
        } else {
            BY_MASKED_ELEMENT.put(tag & mask, e);
        }
        BY_KEYWORD.put(e.keyword(), e);
    }
}
