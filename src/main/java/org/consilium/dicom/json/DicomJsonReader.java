package org.consilium.dicom.json;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntPredicate;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.VR;

/**
 * Reads the DICOM JSON Model (PS3.18 F.2) into {@link Attributes}: the inverse of {@link DicomJsonWriter}.
 * It pulls tokens from Jackson's streaming parser and decodes each value straight into the data set, by its
 * VR; only a "Value" that comes before its "vr" is held back (as JSON text) until the VR is known. Text
 * values become Unicode strings that the Part 10 writer encodes in the data set's Specific Character Set;
 * numbers keep their literal digits ({@code 1.50} stays {@code 1.50}); InlineBinary is decoded; a BulkDataURI
 * goes to the {@link BulkDataResolver} (by default refused). A {@linkplain #withTagFilter tag filter} skips
 * unwanted top-level attributes without decoding them.
 */
public final class DicomJsonReader {

    private BulkDataResolver resolver = BulkDataResolver.REFUSE;
    private IntPredicate wanted = tag -> true;

    public DicomJsonReader withBulkDataResolver(BulkDataResolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /**
     * Reads only the top-level attributes whose tag {@code wanted} accepts; the others are skipped token by
     * token (still checked to be JSON) and never decoded. Items of sequences are read whole.
     */
    public DicomJsonReader withTagFilter(IntPredicate wanted) {
        this.wanted = wanted;
        return this;
    }

    /** One data set: a JSON object, or an array holding exactly one. */
    public Attributes readDataset(Reader in) throws IOException, DicomException {
        return single(readDatasets(in));
    }

    /** One data set from JSON text, as stored in a database column. */
    public Attributes readDataset(String json) throws IOException, DicomException {
        return single(read(() -> Jackson.FACTORY.createParser(json)));
    }

    /** The data sets of a JSON array (as QIDO-RS answers), or the single data set of a JSON object. */
    public List<Attributes> readDatasets(Reader in) throws IOException, DicomException {
        return read(() -> Jackson.FACTORY.createParser(in));
    }

    /** As {@link #readDatasets(Reader)}, from UTF-8 bytes (RFC 8259 8.1; Jackson also detects UTF-16 and -32). */
    public List<Attributes> readDatasets(InputStream in) throws IOException, DicomException {
        return read(() -> Jackson.FACTORY.createParser(in)); // detects the encoding: may refuse at once
    }

    private static Attributes single(List<Attributes> all) throws DicomException {
        if (all.size() != 1) {
            throw malformed("expected one data set, found " + all.size(), DicomException.NO_TAG);
        }
        return all.get(0);
    }

    /** Where the tokens come from; opening may already fail on a malformed document. */
    @FunctionalInterface
    private interface Source {
        JsonParser open() throws IOException;
    }

    private List<Attributes> read(Source source) throws IOException, DicomException {
        try (JsonParser p = source.open()) {
            List<Attributes> out = new ArrayList<>();
            JsonToken root = p.nextToken();
            if (root == START_OBJECT) {
                out.add(dataset(p, new Attributes(), wanted));
            } else if (root == START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != END_ARRAY; t = p.nextToken()) {
                    if (t != START_OBJECT) {
                        throw malformed("expected a JSON object", DicomException.NO_TAG);
                    }
                    out.add(dataset(p, new Attributes(), wanted));
                }
            } else {
                throw malformed("a DICOM JSON document is an object or an array", DicomException.NO_TAG);
            }
            if (p.nextToken() != null) {
                throw malformed("unexpected content after the document", DicomException.NO_TAG);
            }
            return out;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedDicomException("malformed JSON: " + e.getOriginalMessage()
                + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()),
                DicomException.NO_TAG, DicomException.NO_OFFSET, e);
        } catch (CharConversionException e) { // bytes that are not the UTF-16 or UTF-32 Jackson detected
            throw new MalformedDicomException("malformed JSON: " + e.getMessage(), DicomException.NO_TAG,
                DicomException.NO_OFFSET, e);
        }
    }

    /** Reads the members of the object whose START_OBJECT is the current token. */
    private Attributes dataset(JsonParser p, Attributes into, IntPredicate filter) throws IOException, DicomException {
        while (p.nextToken() == FIELD_NAME) {
            int tag = parseTag(p.currentName());
            if (p.nextToken() != START_OBJECT) {
                throw malformed("expected a JSON object", tag);
            }
            if (filter.test(tag)) {
                element(p, tag, into);
            } else {
                p.skipChildren();
            }
        }
        return into;
    }

    private void element(JsonParser p, int tag, Attributes into) throws IOException, DicomException {
        VR vr = null;
        String heldValue = null; // a "Value" met before "vr", as JSON text
        byte[] inline = null;
        String uri = null;
        int kinds = 0;
        while (p.nextToken() == FIELD_NAME) {
            String member = p.currentName();
            JsonToken t = p.nextToken();
            if (t == VALUE_NULL && !member.equals("vr")) {
                continue; // a null member is an absent one
            }
            switch (member) {
                case "vr" -> vr = vr(tag, t == VALUE_STRING ? p.getText() : null);
                case "Value" -> {
                    kinds++;
                    if (vr != null) {
                        value(p, tag, vr, into);
                    } else {
                        heldValue = copy(p);
                    }
                }
                case "InlineBinary" -> {
                    kinds++;
                    inline = base64(tag, p);
                }
                case "BulkDataURI" -> {
                    kinds++;
                    if (t != VALUE_STRING) {
                        throw malformed("BulkDataURI is not a string", tag);
                    }
                    uri = p.getText();
                }
                default -> p.skipChildren(); // not a member of F.2; ignored
            }
        }
        if (vr == null) {
            throw malformed("missing or bad vr", tag);
        }
        if (kinds > 1) {
            throw malformed("more than one of Value, InlineBinary and BulkDataURI", tag);
        }
        if (inline != null) {
            into.setBytes(tag, vr, inline);
        } else if (uri != null) {
            Object resolved = resolver.resolve(tag, vr, uri);
            if (resolved != null) {
                into.setValue(tag, vr, resolved);
            }
        } else if (heldValue != null) {
            try (JsonParser held = Jackson.FACTORY.createParser(heldValue)) {
                held.nextToken();
                value(held, tag, vr, into);
            }
        } else if (kinds == 0) {
            if (vr == VR.SQ) {
                into.newSequence(tag);
            } else {
                into.setValue(tag, vr, vr.isBinary() ? new byte[0] : new String[0]);
            }
        }
    }

    /** Decodes the "Value" array whose first token is the current one. */
    private void value(JsonParser p, int tag, VR vr, Attributes into) throws IOException, DicomException {
        if (p.currentToken() != START_ARRAY) {
            throw malformed("Value is not an array", tag);
        }
        if (vr == VR.SQ) {
            Sequence items = into.newSequence(tag);
            for (JsonToken t = p.nextToken(); t != END_ARRAY; t = p.nextToken()) {
                if (t == VALUE_NULL) {
                    items.addItem();
                } else if (t == START_OBJECT) {
                    dataset(p, items.addItem(), any -> true);
                } else {
                    throw malformed("expected a JSON object", tag);
                }
            }
        } else if (vr.isBinary()) {
            into.setBytes(tag, vr, binaryNumbers(p, tag, vr));
        } else {
            into.setValue(tag, vr, texts(p, tag, vr));
        }
    }

    private static String[] texts(JsonParser p, int tag, VR vr) throws IOException, DicomException {
        List<String> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != END_ARRAY; t = p.nextToken()) {
            if (t == VALUE_NULL) {
                out.add("");
            } else if (vr == VR.PN) {
                out.add(personName(p, tag));
            } else if (t == VALUE_STRING || t.isNumeric()) {
                out.add(p.getText()); // a number's literal text, digits as written
            } else {
                throw malformed("value of " + vr + " is neither string nor number: " + t, tag);
            }
        }
        return out.toArray(new String[0]);
    }

    /** F.2.2: an object of up to three component groups, joined with '='; a plain string is taken as it is. */
    private static String personName(JsonParser p, int tag) throws IOException, DicomException {
        if (p.currentToken() == VALUE_STRING) {
            return p.getText(); // lenient: some writers give PN as a plain string
        }
        if (p.currentToken() != START_OBJECT) {
            throw malformed("expected a JSON object", tag);
        }
        String[] parts = {"", "", ""};
        int last = 0;
        while (p.nextToken() == FIELD_NAME) {
            int g = group(p.currentName());
            JsonToken t = p.nextToken();
            if (g < 0) {
                p.skipChildren();
                continue;
            }
            parts[g] = t == VALUE_STRING ? p.getText() : "";
            p.skipChildren();
            last = Math.max(last, g); // a present but empty last group keeps its '=' ("Wang^XiaoDong=王^小東=")
        }
        StringBuilder b = new StringBuilder(parts[0]);
        for (int g = 1; g <= last; g++) {
            b.append('=').append(parts[g]);
        }
        return b.toString();
    }

    private static int group(String name) {
        return switch (name) {
            case "Alphabetic" -> 0;
            case "Ideographic" -> 1;
            case "Phonetic" -> 2;
            default -> -1;
        };
    }

    private static byte[] binaryNumbers(JsonParser p, int tag, VR vr) throws IOException, DicomException {
        List<String> numbers = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != END_ARRAY; t = p.nextToken()) {
            if (t == VALUE_NULL) {
                continue; // a binary number cannot be empty: skip the null (pydicom writes one in test1.json)
            }
            if (t != VALUE_STRING && !t.isNumeric()) {
                throw malformed("value of " + vr + " is not a number: " + t, tag);
            }
            numbers.add(p.getText());
        }
        ByteBuffer b = ByteBuffer.allocate(numbers.size() * (vr == VR.AT ? 4 : vr.unitSize()))
            .order(ByteOrder.LITTLE_ENDIAN);
        for (String s : numbers) {
            try {
                putNumber(b, vr, s);
            } catch (NumberFormatException e) {
                throw malformed("bad " + vr + " value \"" + s + "\"", tag);
            }
        }
        return b.array();
    }

    private static void putNumber(ByteBuffer b, VR vr, String s) {
        switch (vr) {
            case AT -> {
                int t = Integer.parseUnsignedInt(s, 16);
                b.putShort((short) (t >>> 16)).putShort((short) t);
            }
            case FL -> b.putFloat(Float.parseFloat(floatText(s)));
            case FD -> b.putDouble(Double.parseDouble(floatText(s)));
            case SS, US -> b.putShort((short) integral(s, vr == VR.SS ? Short.MIN_VALUE : 0,
                vr == VR.SS ? Short.MAX_VALUE : 0xFFFF));
            case SL, UL -> b.putInt((int) integral(s, vr == VR.SL ? Integer.MIN_VALUE : 0,
                vr == VR.SL ? Integer.MAX_VALUE : 0xFFFFFFFFL));
            case SV -> b.putLong(Long.parseLong(s));
            case UV -> b.putLong(Long.parseUnsignedLong(s));
            default -> throw new NumberFormatException(vr + " holds no numbers");
        }
    }

    private static long integral(String s, long min, long max) {
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new NumberFormatException("out of range");
        }
        return v;
    }

    /** Accepts the spellings of non-finite values in use ("NaN", "Infinity", and dicom-rs' "inf"). */
    private static String floatText(String s) {
        return switch (s) {
            case "inf", "+inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            case "nan" -> "NaN";
            default -> s;
        };
    }

    private static byte[] base64(int tag, JsonParser p) throws IOException, DicomException {
        if (p.currentToken() != VALUE_STRING) {
            throw malformed("InlineBinary is not a string", tag);
        }
        try {
            return Base64.getMimeDecoder().decode(p.getText());
        } catch (IllegalArgumentException e) {
            throw malformed("InlineBinary is not base64", tag);
        }
    }

    /**
     * The JSON text of the value whose first token is the current one. Numbers are copied as written, not
     * through a double, so that a DS value keeps its digits.
     */
    private static String copy(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Jackson.FACTORY.createGenerator(text)) {
            int depth = 0;
            do {
                JsonToken t = p.currentToken();
                switch (t) {
                    case START_OBJECT -> g.writeStartObject();
                    case START_ARRAY -> g.writeStartArray();
                    case END_OBJECT -> g.writeEndObject();
                    case END_ARRAY -> g.writeEndArray();
                    case FIELD_NAME -> g.writeFieldName(p.currentName());
                    case VALUE_STRING -> g.writeString(p.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                    case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(t == JsonToken.VALUE_TRUE);
                    default -> g.writeNull();
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
            } while (depth > 0 && p.nextToken() != null);
        }
        return text.toString();
    }

    private static VR vr(int tag, String vr) throws DicomException {
        if (vr == null || vr.length() != 2) {
            throw malformed("missing or bad vr", tag);
        }
        VR parsed = VR.of(vr.charAt(0) << 8 | vr.charAt(1));
        if (parsed == null) {
            throw malformed("unknown vr " + vr, tag);
        }
        return parsed;
    }

    private static int parseTag(String key) throws DicomException {
        if (key.length() != 8) {
            throw malformed("attribute key is not 8 hex digits: " + key, DicomException.NO_TAG);
        }
        try {
            return Integer.parseUnsignedInt(key, 16);
        } catch (NumberFormatException e) {
            throw malformed("attribute key is not 8 hex digits: " + key, DicomException.NO_TAG);
        }
    }

    private static MalformedDicomException malformed(String message, int tag) {
        return new MalformedDicomException(message, tag, DicomException.NO_OFFSET);
    }
}
