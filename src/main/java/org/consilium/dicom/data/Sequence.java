package org.consilium.dicom.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of a sequence (SQ) element. Each item knows its enclosing data set, from which it inherits
 * the Specific Character Set unless it carries its own (PS3.5 7.5.3).
 */
public final class Sequence extends AbstractList<Attributes> {

    private final Attributes parent;
    private final List<Attributes> items;
    private boolean undefinedLength = true;

    Sequence(Attributes parent, int initialCapacity) {
        this.parent = parent;
        this.items = new ArrayList<>(initialCapacity);
    }

    /** The data set holding this sequence. */
    public Attributes parent() {
        return parent;
    }

    /** Adds and returns a new empty item. */
    public Attributes addItem() {
        Attributes item = new Attributes();
        add(item);
        return item;
    }

    @Override
    public Attributes get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Attributes set(int index, Attributes item) {
        Attributes old = items.set(index, adopt(item));
        old.setParent(null);
        return old;
    }

    @Override
    public void add(int index, Attributes item) {
        items.add(index, adopt(item));
    }

    @Override
    public Attributes remove(int index) {
        Attributes old = items.remove(index);
        old.setParent(null);
        return old;
    }

    /** Encoding hint: written with a Sequence Delimitation Item (true, the default) or an explicit length. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    private Attributes adopt(Attributes item) {
        if (item.parent() != null && item.parent() != parent) {
            throw new IllegalArgumentException("item already belongs to another sequence");
        }
        item.setParent(parent);
        return item;
    }
}
