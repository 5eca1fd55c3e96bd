package org.consilium.dicom.dict;

import java.util.HashMap;
import java.util.Map;

/** The UID registry of PS3.6 Annex A: SOP classes, transfer syntaxes, well-known frames of reference. */
public final class UIDRegistry {

    /** One registered UID; {@code type} as PS3.6 writes it, for example "SOP Class" or "Transfer Syntax". */
    public record Entry(String uid, String keyword, String name, String type, boolean retired) {}

    private static final Map<String, Entry> BY_UID = new HashMap<>(1024);

    static {
        for (String[] f : ElementDictionary.readTable("uids.tsv")) {
            BY_UID.put(f[0], new Entry(f[0], f[1], f[2], f[3], "R".equals(f[4])));
        }
    }

    private UIDRegistry() {}

    public static Entry entryOf(String uid) {
        return uid == null ? null : BY_UID.get(uid);
    }

    public static String nameOf(String uid) {
        Entry e = entryOf(uid);
        return e == null ? null : e.name();
    }

    public static boolean isTransferSyntax(String uid) {
        Entry e = entryOf(uid);
        return e != null && "Transfer Syntax".equals(e.type());
    }
}
