package org.consilium.dicom.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.consilium.dicom.DicomException;
import org.consilium.dicom.MalformedDicomException;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.VR;

/**
 * Reads the DICOM JSON Model (PS3.18 F.2) into {@link Attributes}: the inverse of {@link DicomJsonWriter}.
 * Members may come in any order ("Value" before "vr"). Text values become Unicode strings that the Part 10
 * writer encodes in the data set's Specific Character Set; numbers keep their digits; InlineBinary is
 * decoded; a BulkDataURI goes to the {@link BulkDataResolver} (by default refused). Input is parsed whole,
 * so it suits metadata, not multi-gigabyte documents.
 */
public final class DicomJsonReader {

    private BulkDataResolver resolver = BulkDataResolver.REFUSE;

    public DicomJsonReader withBulkDataResolver(BulkDataResolver resolver) {
        this.resolver = resolver;
        return this;
    }

    /** One data set: a JSON object, or an array holding exactly one. */
    public Attributes readDataset(Reader in) throws IOException, DicomException {
        List<Attributes> all = readDatasets(in);
        if (all.size() != 1) {
            throw malformed("expected one data set, found " + all.size(), DicomException.NO_TAG);
        }
        return all.get(0);
    }

    /** The data sets of a JSON array (as QIDO-RS answers), or the single data set of a JSON object. */
    public List<Attributes> readDatasets(Reader in) throws IOException, DicomException {
        Object root;
        try {
            root = JsonParser.parse(in);
        } catch (JsonParser.JsonSyntaxException e) {
            throw new MalformedDicomException("malformed JSON: " + e.getMessage(), DicomException.NO_TAG,
                DicomException.NO_OFFSET, e);
        }
        List<Attributes> out = new ArrayList<>();
        if (root instanceof Map<?, ?> object) {
            out.add(dataset(object, new Attributes()));
        } else if (root instanceof List<?> list) {
            for (Object o : list) {
                out.add(dataset(asObject(o, DicomException.NO_TAG), new Attributes()));
            }
        } else {
            throw malformed("a DICOM JSON document is an object or an array", DicomException.NO_TAG);
        }
        return out;
    }

    public List<Attributes> readDatasets(InputStream in) throws IOException, DicomException {
        return readDatasets(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private Attributes dataset(Map<?, ?> object, Attributes into) throws IOException, DicomException {
        for (Map.Entry<?, ?> e : object.entrySet()) {
            int tag = parseTag((String) e.getKey());
            element(tag, asObject(e.getValue(), tag), into);
        }
        return into;
    }

    private void element(int tag, Map<?, ?> element, Attributes into) throws IOException, DicomException {
        VR vr = vr(tag, element.get("vr"));
        Object value = element.get("Value");
        Object inline = element.get("InlineBinary");
        Object uri = element.get("BulkDataURI");
        if ((value != null ? 1 : 0) + (inline != null ? 1 : 0) + (uri != null ? 1 : 0) > 1) {
            throw malformed("more than one of Value, InlineBinary and BulkDataURI", tag);
        }
        if (inline != null) {
            into.setBytes(tag, vr, base64(tag, inline));
        } else if (uri != null) {
            if (!(uri instanceof String s)) {
                throw malformed("BulkDataURI is not a string", tag);
            }
            Object resolved = resolver.resolve(tag, vr, s);
            if (resolved != null) {
                into.setValue(tag, vr, resolved);
            }
        } else if (vr == VR.SQ) {
            Sequence items = into.newSequence(tag);
            for (Object item : values(tag, value)) {
                dataset(item == null ? Map.of() : asObject(item, tag), items.addItem());
            }
        } else if (value == null) {
            into.setValue(tag, vr, vr.isBinary() ? new byte[0] : new String[0]);
        } else if (vr.isBinary()) {
            into.setBytes(tag, vr, binaryNumbers(tag, vr, values(tag, value)));
        } else {
            into.setValue(tag, vr, texts(tag, vr, values(tag, value)));
        }
    }

    private static String[] texts(int tag, VR vr, List<?> values) throws DicomException {
        String[] out = new String[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            if (v == null) {
                out[i] = "";
            } else if (vr == VR.PN) {
                out[i] = personName(tag, v);
            } else if (v instanceof String s) {
                out[i] = s;
            } else if (v instanceof JsonParser.Number n) {
                out[i] = n.text();
            } else {
                throw malformed("value of " + vr + " is neither string nor number: " + v, tag);
            }
        }
        return out;
    }

    private static String personName(int tag, Object v) throws DicomException {
        if (v instanceof String s) {
            return s; // lenient: some writers give PN as a plain string
        }
        Map<?, ?> groups = asObject(v, tag);
        String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
        String[] parts = new String[3];
        int last = 0;
        for (int g = 0; g < 3; g++) {
            parts[g] = text(groups.get(names[g]));
            if (groups.containsKey(names[g])) {
                last = g; // a present but empty last group keeps its '=' ("Wang^XiaoDong=王^小東=")
            }
        }
        StringBuilder b = new StringBuilder(parts[0]);
        for (int g = 1; g <= last; g++) {
            b.append('=').append(parts[g]);
        }
        return b.toString();
    }

    private static String text(Object o) {
        return o instanceof String s ? s : "";
    }

    private static byte[] binaryNumbers(int tag, VR vr, List<?> values) throws DicomException {
        int size = vr == VR.AT ? 4 : vr.unitSize();
        ByteBuffer b = ByteBuffer.allocate((int) values.stream().filter(java.util.Objects::nonNull).count() * size)
            .order(ByteOrder.LITTLE_ENDIAN);
        for (Object v : values) {
            if (v == null) {
                continue; // a binary number cannot be empty: skip the null (pydicom writes one in test1.json)
            }
            String s = v instanceof JsonParser.Number n ? n.text() : v instanceof String str ? str : null;
            if (s == null) {
                throw malformed("value of " + vr + " is not a number: " + v, tag);
            }
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

    private static byte[] base64(int tag, Object inline) throws DicomException {
        if (!(inline instanceof String s)) {
            throw malformed("InlineBinary is not a string", tag);
        }
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw malformed("InlineBinary is not base64", tag);
        }
    }

    private static List<?> values(int tag, Object value) throws DicomException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw malformed("Value is not an array", tag);
        }
        return list;
    }

    private static VR vr(int tag, Object vr) throws DicomException {
        if (!(vr instanceof String s) || s.length() != 2) {
            throw malformed("missing or bad vr", tag);
        }
        VR parsed = VR.of(s.charAt(0) << 8 | s.charAt(1));
        if (parsed == null) {
            throw malformed("unknown vr " + s, tag);
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

    private static Map<?, ?> asObject(Object o, int tag) throws DicomException {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw malformed("expected a JSON object", tag);
    }

    private static MalformedDicomException malformed(String message, int tag) {
        return new MalformedDicomException(message, tag, DicomException.NO_OFFSET);
    }
}
