package org.consilium.dicom.data;

import java.util.Arrays;
import org.consilium.dicom.dict.VR;

/** The storage behind {@link Attributes}: parallel arrays of tag, VR and value, sorted by unsigned tag. */
final class ElementList {

    int[] tags;
    VR[] vrs;
    Object[] values;
    int size;

    ElementList(int initialCapacity) {
        int n = Math.max(initialCapacity, 4);
        tags = new int[n];
        vrs = new VR[n];
        values = new Object[n];
    }

    /** Binary search with an append fast path (the reader adds in tag order); -(insertion point) - 1 when absent. */
    int indexOf(int tag) {
        if (size == 0 || Integer.compareUnsigned(tag, tags[size - 1]) > 0) {
            return -size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** Replaces the element with this tag, or inserts it in order. */
    void put(int tag, VR vr, Object value) {
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            return;
        }
        int at = -i - 1;
        if (size == tags.length) {
            int n = size * 2;
            tags = Arrays.copyOf(tags, n);
            vrs = Arrays.copyOf(vrs, n);
            values = Arrays.copyOf(values, n);
        }
        System.arraycopy(tags, at, tags, at + 1, size - at);
        System.arraycopy(vrs, at, vrs, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        size++;
    }

    boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        values[--size] = null;
        return true;
    }
}
