package org.consilium.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated Pixel Data (PS3.5 A.4): the Basic Offset Table (item 0, possibly empty) followed by the
 * fragments, each kept as bytes or, when read with a bulk data threshold, as a {@link BulkData}.
 * Fragments are not frames: with an empty offset table, only the codec can tell where frames end.
 */
public final class Fragments {

    private final List<Object> items = new ArrayList<>();

    /** Adds a fragment held in memory; the first item added is the Basic Offset Table. */
    public Fragments add(byte[] fragment) {
        items.add(fragment);
        return this;
    }

    public Fragments add(BulkData fragment) {
        items.add(fragment);
        return this;
    }

    /** Number of items, counting the Basic Offset Table. */
    public int size() {
        return items.size();
    }

    /** A {@code byte[]} or a {@link BulkData}. */
    public Object get(int index) {
        return items.get(index);
    }

    public List<Object> items() {
        return java.util.Collections.unmodifiableList(items);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fragments other) || other.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            Object a = items.get(i);
            Object b = other.items.get(i);
            if (a instanceof byte[] x && b instanceof byte[] y ? !java.util.Arrays.equals(x, y) : !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return items.size();
    }
}
