package org.consilium.dicom.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.HexFormat;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.BinaryValues;
import org.consilium.dicom.data.BulkData;
import org.consilium.dicom.data.Fragments;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;

/**
 * Writes {@link Attributes} as the DICOM JSON Model (PS3.18 F.2), streaming through Jackson's
 * {@link JsonGenerator}: each element goes out as it is visited, so a QIDO response of many data sets never
 * sits whole in memory.
 *
 * <ul>
 *   <li>PN values are objects with Alphabetic, Ideographic and Phonetic members (F.2.2); empty groups are left
 *       out, except a trailing empty group, written as "" so that {@code A=B=} survives.
 *   <li>IS, DS and the binary numbers (FL, FD, SL, SS, SV, UL, US, UV) are JSON numbers. DS and IS keep their
 *       digits, made into JSON number syntax ({@code +.5} becomes {@code 0.5}); NaN and infinities of FL/FD,
 *       which JSON cannot hold, are the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *   <li>AT values are strings of 8 hex digits.
 *   <li>OB, OD, OF, OL, OV, OW and UN are InlineBinary (base64 of little-endian bytes), or a BulkDataURI when a
 *       {@link BulkDataUris} callback gives one (F.2.6) for values larger than the inline limit, for values
 *       the reader left in the file ({@link BulkData}) and for encapsulated Pixel Data.
 *   <li>An empty element has no "Value" (F.2.5); an empty value among several is {@code null}.
 *   <li>Group length elements (gggg,0000) are left out: they describe an encoding JSON does not have.
 * </ul>
 *
 * <pre>{@code
 * DicomJsonWriter json = new DicomJsonWriter(out)
 *     .withBulkDataUris(e -> e.tag() == Tag.PixelData ? instanceUrl + "/frames/1" : null);
 * json.beginArray();
 * for (Attributes match : matches) json.write(match);
 * json.endArray();
 * json.flush();
 * }</pre>
 */
public final class DicomJsonWriter implements AutoCloseable {

    /** Tag keys as PS3.18 F.2.1 writes them: eight uppercase hex digits, without String.format's parsing. */
    private static final HexFormat TAG_HEX = HexFormat.of().withUpperCase();

    /** Default largest binary value written inline when a bulk data callback is set. */
    public static final int DEFAULT_INLINE_LIMIT = 1024;

    private static final SerializableString VR_MEMBER = new SerializedString("vr");
    private static final SerializableString VALUE = new SerializedString("Value");
    private static final SerializableString INLINE_BINARY = new SerializedString("InlineBinary");
    private static final SerializableString BULK_DATA_URI = new SerializedString("BulkDataURI");
    private static final SerializableString[] PN_GROUPS = {new SerializedString("Alphabetic"),
        new SerializedString("Ideographic"), new SerializedString("Phonetic")};

    private final JsonGenerator json;
    private BulkDataUris bulkDataUris;
    private long inlineLimit = DEFAULT_INLINE_LIMIT;
    private int[] path = new int[16];
    private int pathLength;

    public DicomJsonWriter(Writer out) {
        try {
            this.json = Jackson.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes UTF-8 (RFC 8259 8.1) through the generator's own buffer; call {@link #flush()} at the end. */
    public DicomJsonWriter(OutputStream out) {
        try {
            this.json = Jackson.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Links binary values to URIs from {@code uris}; values no larger than {@code inlineLimit} stay inline. */
    public DicomJsonWriter withBulkDataUris(BulkDataUris uris, long inlineLimit) {
        this.bulkDataUris = uris;
        this.inlineLimit = inlineLimit;
        return this;
    }

    public DicomJsonWriter withBulkDataUris(BulkDataUris uris) {
        return withBulkDataUris(uris, DEFAULT_INLINE_LIMIT);
    }

    /** The whole data set as a JSON string, binary values inline. */
    public static String toJson(Attributes dataset) throws DicomException {
        StringWriter out = new StringWriter();
        try (DicomJsonWriter writer = new DicomJsonWriter(out)) {
            writer.write(dataset);
        }
        return out.toString();
    }

    /** Starts a JSON array of data sets, as QIDO-RS and WADO-RS metadata respond. */
    public DicomJsonWriter beginArray() {
        try {
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public DicomJsonWriter endArray() {
        try {
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes one data set as a JSON object (an array element after {@link #beginArray()}). */
    public DicomJsonWriter write(Attributes dataset) throws DicomException {
        try {
            writeObject(dataset);
        } catch (IOException e) {
            throw new DicomException("cannot write DICOM JSON: " + e.getMessage(), DicomException.NO_TAG,
                DicomException.NO_OFFSET, e);
        }
        return this;
    }

    /** Sends what the generator holds to the writer or stream, and flushes that. */
    public void flush() {
        try {
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flushes and hands the generator's buffers back to Jackson for the next writer; the writer or stream
     * given stays open. A writer that is only flushed works the same, its buffers left to the collector.
     */
    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeObject(Attributes attrs) throws IOException, DicomException {
        json.writeStartObject();
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            if (Tag.isGroupLength(tag)) {
                continue;
            }
            json.writeFieldName(TAG_HEX.toHexDigits(tag));
            json.writeStartObject();
            VR vr = attrs.vrAt(i);
            json.writeFieldName(VR_MEMBER);
            json.writeString(vr.name());
            push(tag);
            writeValue(attrs, i, vr);
            pathLength--;
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private void writeValue(Attributes attrs, int i, VR vr) throws IOException, DicomException {
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence items) {
            writeItems(items);
        } else if (isInlineBinaryVr(vr) || value instanceof BulkData || value instanceof Fragments) {
            writeBinary(vr, value, attrs.tagAt(i));
        } else {
            writeValues(vr, attrs.stringsAt(i));
        }
    }

    private void writeItems(Sequence items) throws IOException, DicomException {
        if (items.isEmpty()) {
            return;
        }
        json.writeFieldName(VALUE);
        json.writeStartArray();
        for (int k = 0; k < items.size(); k++) {
            push(k);
            writeObject(items.get(k));
            pathLength--;
        }
        json.writeEndArray();
    }

    private void writeValues(VR vr, String[] values) throws IOException {
        if (values.length == 0) {
            return;
        }
        json.writeFieldName(VALUE);
        json.writeStartArray();
        for (String v : values) {
            if (v.isEmpty()) {
                json.writeNull();
                continue;
            }
            switch (vr) {
                case PN -> writePersonName(v);
                case IS, DS, SL, SS, SV, UL, US, UV -> writeNumber(v);
                case FL, FD -> writeFloat(v);
                default -> json.writeString(v);
            }
        }
        json.writeEndArray();
    }

    private void writePersonName(String value) throws IOException {
        String[] groups = value.split("=", -1);
        json.writeStartObject();
        int count = Math.min(3, groups.length);
        for (int g = 0; g < count; g++) {
            if (!groups[g].isEmpty() || g == count - 1) { // an empty last group keeps a trailing '='
                json.writeFieldName(PN_GROUPS[g]);
                json.writeString(groups[g]);
            }
        }
        json.writeEndObject();
    }

    private void writeNumber(String v) throws IOException {
        String number = JsonNumbers.normalize(v);
        if (number == null) {
            json.writeString(v); // not a number at all: keep the text rather than lose it
        } else {
            json.writeNumber(number); // written as given: the digits of the DS or IS value
        }
    }

    private void writeFloat(String v) throws IOException {
        switch (v) {
            case "NaN", "Infinity", "-Infinity" -> json.writeString(v);
            default -> writeNumber(v);
        }
    }

    private void writeBinary(VR vr, Object value, int tag) throws IOException, DicomException {
        long length = value instanceof byte[] b ? b.length : value instanceof BulkData bd ? bd.length() : -1;
        if (length == 0) {
            return;
        }
        boolean offer = bulkDataUris != null && (length < 0 || length > inlineLimit || value instanceof BulkData);
        String uri = offer ? bulkDataUris.uriFor(new BulkDataElement(Arrays.copyOf(path, pathLength), vr, value)) : null;
        if (uri != null) {
            json.writeFieldName(BULK_DATA_URI);
            json.writeString(uri);
            return;
        }
        if (value instanceof Fragments) {
            throw new DicomException("encapsulated pixel data needs a BulkDataURI in DICOM JSON", tag,
                DicomException.NO_OFFSET);
        }
        json.writeFieldName(INLINE_BINARY);
        json.writeBinary(inlineBytes(vr, value, tag)); // base64 with padding, no line breaks (RFC 4648 4)
    }

    private static byte[] inlineBytes(VR vr, Object value, int tag) throws DicomException {
        if (value instanceof byte[] b) {
            return b;
        }
        BulkData bulk = (BulkData) value;
        try {
            byte[] b = bulk.readBytes();
            if (bulk.bigEndian() && vr.unitSize() > 1) {
                BinaryValues.swap(vr, b, 0, b.length);
            }
            return b;
        } catch (IOException e) {
            throw new DicomException("cannot read bulk data: " + e.getMessage(), tag, bulk.offset(), e);
        }
    }

    /** PS3.18 F.2.7: these VRs carry InlineBinary or a BulkDataURI, never "Value". */
    static boolean isInlineBinaryVr(VR vr) {
        return switch (vr) {
            case OB, OD, OF, OL, OV, OW, UN -> true;
            default -> false;
        };
    }

    private void push(int component) {
        if (pathLength == path.length) {
            path = Arrays.copyOf(path, pathLength * 2);
        }
        path[pathLength++] = component;
    }
}
