package org.consilium.dicom.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A minimal streaming JSON writer (RFC 8259): it writes each token as it comes and keeps only the nesting
 * state, so arbitrarily large documents go straight to the underlying {@link Writer}. The caller keeps the
 * structure valid; the writer only adds commas and colons.
 */
final class JsonWriter {

    private final Writer out;
    /** Per open container: true once it holds a member, so the next one needs a comma. */
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        quoted(name);
        write(":");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        quoted(value);
        return this;
    }

    /** Writes a number token as given; the caller guarantees JSON number syntax. */
    JsonWriter rawNumber(String number) {
        separate();
        write(number);
        return this;
    }

    JsonWriter value(long value) {
        return rawNumber(Long.toString(value));
    }

    JsonWriter nullValue() {
        separate();
        write("null");
        return this;
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonWriter open(char bracket) {
        separate();
        write(String.valueOf(bracket));
        if (++depth == nonEmpty.length) {
            nonEmpty = java.util.Arrays.copyOf(nonEmpty, depth * 2);
        }
        nonEmpty[depth] = false;
        return this;
    }

    private JsonWriter close(char bracket) {
        depth--;
        write(String.valueOf(bracket));
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (nonEmpty[depth]) {
                write(",");
            }
            nonEmpty[depth] = true;
        }
    }

    private void quoted(String s) {
        if (!needsEscape(s)) {
            write('"');
            write(s);
            write('"');
            return;
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        write(b.append('"').toString());
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private void write(char c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
