package org.consilium.dicom.data;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.consilium.dicom.charset.SpecificCharacterSet;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * A data set or sequence item: data elements ordered by tag (PS3.5 7.1).
 *
 * <p>Values are held as the reader found them, so that a read file writes back byte for byte: text as
 * its encoded bytes (decoded on access with the Specific Character Set in effect), binary numbers as
 * little-endian bytes whatever the transfer syntax. Setters store text as {@code String[]}, which the
 * writer encodes. Other values are a {@link Sequence}, {@link Fragments} or {@link BulkData}.
 *
 * <p>Not thread-safe.
 */
public final class Attributes implements Iterable<DataElement> {

    private final ElementList elements;
    private Attributes parent;
    private SpecificCharacterSet charset; // own (0008,0005), parsed on first use
    private boolean undefinedItemLength = true;

    public Attributes() {
        this(16);
    }

    public Attributes(int initialCapacity) {
        elements = new ElementList(initialCapacity);
    }

    // ---- structure ----

    public int size() {
        return elements.size;
    }

    public boolean isEmpty() {
        return elements.size == 0;
    }

    public int tagAt(int index) {
        return elements.tags[index];
    }

    public VR vrAt(int index) {
        return elements.vrs[index];
    }

    /** The stored value: {@code byte[]}, {@code String[]}, {@link Sequence}, {@link Fragments} or {@link BulkData}. */
    public Object valueAt(int index) {
        return elements.values[index];
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The VR of the element, or null when absent. */
    public VR vrOf(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : elements.vrs[i];
    }

    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : elements.values[i];
    }

    public boolean remove(int tag) {
        if (!elements.remove(tag)) {
            return false;
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return true;
    }

    /** The data set whose sequence holds this item, or null for a top-level data set. */
    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
    }

    /** The Specific Character Set in effect: this item's own, else the enclosing data set's (PS3.5 7.5.3). */
    public SpecificCharacterSet specificCharacterSet() {
        if (charset != null) {
            return charset;
        }
        int i = indexOf(Tag.SpecificCharacterSet);
        if (i >= 0) {
            charset = SpecificCharacterSet.of(TextValues.split(latin1(i), VR.CS));
            return charset;
        }
        return parent == null ? SpecificCharacterSet.DEFAULT : parent.specificCharacterSet();
    }

    /** Encoding hint for items: written with an Item Delimitation Item (true, the default) or a length. */
    public boolean undefinedItemLength() {
        return undefinedItemLength;
    }

    public void setUndefinedItemLength(boolean undefinedItemLength) {
        this.undefinedItemLength = undefinedItemLength;
    }

    @Override
    public Iterator<DataElement> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.size;
            }

            @Override
            public DataElement next() {
                if (next >= elements.size) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return new DataElement(elements.tags[i], elements.vrs[i], elements.values[i]);
            }
        };
    }

    // ---- setters ----

    /** Stores a value as is; see the class comment for the accepted types. Returns this. */
    public Attributes setValue(int tag, VR vr, Object value) {
        if (!(value instanceof byte[] || value instanceof String[] || value instanceof Sequence
                || value instanceof Fragments || value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value type for " + Tag.toString(tag) + ": " + value);
        }
        elements.put(tag, vr, value);
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return this;
    }

    public Attributes setString(int tag, VR vr, String... values) {
        if (vr.isBinary()) {
            double[] numbers = Arrays.stream(values).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
            return setValue(tag, vr, BinaryValues.fromDoubles(vr, numbers));
        }
        return setValue(tag, vr, values.clone());
    }

    public Attributes setInt(int tag, VR vr, int... values) {
        return setValue(tag, vr, vr.isText() ? TextValues.formatInts(values) : BinaryValues.fromInts(vr, values));
    }

    public Attributes setDouble(int tag, VR vr, double... values) {
        if (vr.isText()) {
            return setValue(tag, vr, Arrays.stream(values).mapToObj(TextValues::formatDecimal).toArray(String[]::new));
        }
        return setValue(tag, vr, BinaryValues.fromDoubles(vr, values));
    }

    public Attributes setFloat(int tag, VR vr, float... values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i];
        }
        return setDouble(tag, vr, d);
    }

    /** Raw value bytes: little endian for binary VRs, encoded text (in this data set's charset) otherwise. */
    public Attributes setBytes(int tag, VR vr, byte[] value) {
        return setValue(tag, vr, value);
    }

    public Attributes setDate(int tag, LocalDate date) {
        return setString(tag, VR.DA, TextValues.formatDate(date));
    }

    public Attributes setTime(int tag, LocalTime time) {
        return setString(tag, VR.TM, TextValues.formatTime(time));
    }

    public Attributes setDateTime(int tag, LocalDateTime dateTime) {
        return setString(tag, VR.DT, TextValues.formatDateTime(dateTime));
    }

    public Attributes setPersonName(int tag, PersonName name) {
        return setString(tag, VR.PN, name.toString());
    }

    /** Adds an empty sequence and returns it, replacing any element with this tag. */
    public Sequence newSequence(int tag) {
        return newSequence(tag, VR.SQ, 4);
    }

    /** With {@code vr} UN for a sequence read from UN of undefined length (CP-246), which stays SQ on write. */
    public Sequence newSequence(int tag, VR vr, int initialCapacity) {
        Sequence seq = new Sequence(this, initialCapacity);
        setValue(tag, vr == VR.UN ? VR.SQ : vr, seq);
        return seq;
    }

    // ---- getters ----

    /** The first value, trimmed, or null when the element is absent or empty. */
    public String getString(int tag) {
        return getString(tag, null);
    }

    public String getString(int tag, String defaultValue) {
        String[] s = getStrings(tag);
        return s.length == 0 || s[0].isEmpty() ? defaultValue : s[0];
    }

    /** All values, each trimmed; empty when absent. Binary numbers are formatted in decimal, AT as 8 hex digits. */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        return i < 0 ? new String[0] : stringsAt(i);
    }

    public String[] stringsAt(int i) {
        VR vr = elements.vrs[i];
        Object v = elements.values[i];
        if (v instanceof String[] s) {
            String[] out = new String[s.length];
            for (int k = 0; k < s.length; k++) {
                out[k] = TextValues.trim(s[k], vr);
            }
            return out.length == 1 && out[0].isEmpty() ? new String[0] : out;
        }
        if (!(v instanceof byte[] b)) {
            return new String[0];
        }
        if (vr.isText() || vr == VR.UN) {
            return TextValues.split(decode(i, b), vr == VR.UN ? VR.LO : vr);
        }
        String[] out = new String[BinaryValues.count(vr, b)];
        for (int k = 0; k < out.length; k++) {
            out[k] = switch (vr) {
                case FL, OF -> Float.toString((float) BinaryValues.doubleAt(vr, b, k));
                case FD, OD -> Double.toString(BinaryValues.doubleAt(vr, b, k));
                case AT -> String.format("%08X", BinaryValues.longAt(vr, b, k));
                case UV, OV -> Long.toUnsignedString(BinaryValues.longAt(vr, b, k));
                default -> Long.toString(BinaryValues.longAt(vr, b, k));
            };
        }
        return out;
    }

    public int getInt(int tag, int defaultValue) {
        int[] v = getInts(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    /** Values of IS, DS, US, SS, UL, SL, AT...; empty when absent. Throws {@link NumberFormatException} on bad text. */
    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new int[0];
        }
        if (elements.values[i] instanceof byte[] b && elements.vrs[i].isBinary()) {
            int[] out = new int[BinaryValues.count(elements.vrs[i], b)];
            for (int k = 0; k < out.length; k++) {
                out[k] = (int) BinaryValues.longAt(elements.vrs[i], b, k);
            }
            return out;
        }
        return TextValues.parseInts(tag, stringsAt(i));
    }

    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return new double[0];
        }
        if (elements.values[i] instanceof byte[] b && elements.vrs[i].isBinary()) {
            double[] out = new double[BinaryValues.count(elements.vrs[i], b)];
            for (int k = 0; k < out.length; k++) {
                out[k] = BinaryValues.doubleAt(elements.vrs[i], b, k);
            }
            return out;
        }
        if (elements.vrs[i] == VR.DS && elements.values[i] instanceof byte[] b) {
            return TextValues.parseDecimals(tag, b);
        }
        return TextValues.parseDoubles(tag, stringsAt(i));
    }

    public float[] getFloats(int tag) {
        double[] d = getDoubles(tag);
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) d[k];
        }
        return f;
    }

    public LocalDate getDate(int tag) {
        String s = getString(tag);
        return s == null ? null : parse(tag, s, TextValues::parseDate);
    }

    public LocalTime getTime(int tag) {
        String s = getString(tag);
        return s == null ? null : parse(tag, s, TextValues::parseTime);
    }

    /** A DT value without its UTC offset. */
    public LocalDateTime getDateTime(int tag) {
        String s = getString(tag);
        return s == null ? null : parse(tag, s, TextValues::parseDateTime);
    }

    /** A date and a time element combined, for example Study Date and Study Time; null without the date. */
    public LocalDateTime getDateTime(int dateTag, int timeTag) {
        LocalDate date = getDate(dateTag);
        LocalTime time = getTime(timeTag);
        return date == null ? null : date.atTime(time == null ? LocalTime.MIDNIGHT : time);
    }

    /** A DT value at its own offset, else at {@code defaultOffset} (Timezone Offset From UTC, or UTC). */
    public OffsetDateTime getOffsetDateTime(int tag, ZoneOffset defaultOffset) {
        String s = getString(tag);
        return s == null ? null : parse(tag, s, v -> TextValues.parseOffsetDateTime(v, defaultOffset));
    }

    public PersonName getPersonName(int tag) {
        String s = getString(tag);
        return s == null ? null : PersonName.parse(s);
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    public BulkData getBulkData(int tag) {
        return getValue(tag) instanceof BulkData b ? b : null;
    }

    /** The value bytes as {@link #setBytes} takes them; null when absent or not held as bytes or text. */
    public byte[] getBytes(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : bytesAt(i);
    }

    /** Value bytes of element {@code index}, text encoded in the charset in effect, without padding. */
    public byte[] bytesAt(int index) {
        Object v = elements.values[index];
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof String[] s) {
            String joined = String.join("\\", s);
            VR vr = elements.vrs[index];
            return vr.usesSpecificCharacterSet()
                    ? specificCharacterSet().encode(joined, vr == VR.PN)
                    : joined.getBytes(StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    // ---- equality ignoring the encoding ----

    @Override
    public boolean equals(Object o) {
        return o instanceof Attributes other && AttributesEquality.equal(this, other);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < elements.size; i++) {
            if (!Tag.isGroupLength(elements.tags[i])) { // as equals: group lengths are encoding
                h = 31 * h + elements.tags[i];
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return AttributesEquality.dump(this, "", 40);
    }

    // ---- internals ----

    String decode(int index, byte[] b) {
        VR vr = elements.vrs[index];
        if (vr.usesSpecificCharacterSet() || vr == VR.UN) {
            return specificCharacterSet().decode(b, 0, b.length, vr == VR.PN);
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private String latin1(int index) {
        return elements.values[index] instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                : String.join("\\", (String[]) elements.values[index]);
    }

    private <T> T parse(int tag, String s, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(s);
        } catch (RuntimeException e) {
            throw new java.time.format.DateTimeParseException("bad value in " + Tag.toString(tag), s, 0, e);
        }
    }

    private int indexOf(int tag) {
        return elements.indexOf(tag);
    }
}
