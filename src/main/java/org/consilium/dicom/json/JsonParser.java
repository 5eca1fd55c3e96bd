package org.consilium.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON parser (RFC 8259) into plain values: {@code Map<String,Object>} (insertion ordered),
 * {@code List<Object>}, {@code String}, {@link Number} (keeping the literal text), {@code Boolean} and
 * {@code null}. Numbers keep their text so that a DS value such as {@code 1.50} survives unchanged. Nesting
 * is limited so hostile input cannot exhaust the stack.
 */
final class JsonParser {

    /** A JSON number with its literal text. */
    record Number(String text) {
    }

    static final int MAX_DEPTH = 512;

    private final Reader in;
    private int peeked = -2;
    private long offset;
    private int depth;

    private JsonParser(Reader in) {
        this.in = in;
    }

    /** Parses one JSON document; trailing non-whitespace is an error. */
    static Object parse(Reader in) throws IOException, JsonSyntaxException {
        JsonParser p = new JsonParser(in);
        Object value = p.value();
        p.skipWhitespace();
        if (p.peek() != -1) {
            throw p.error("unexpected content after the document");
        }
        return value;
    }

    private Object value() throws IOException, JsonSyntaxException {
        skipWhitespace();
        int c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            case -1 -> throw error("unexpected end of input");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + (char) c + "'");
            }
        };
    }

    private Map<String, Object> object() throws IOException, JsonSyntaxException {
        enter();
        next(); // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            next();
            depth--;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            map.put(name, value());
            skipWhitespace();
            int c = next();
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() throws IOException, JsonSyntaxException {
        enter();
        next(); // [
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            next();
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipWhitespace();
            int c = next();
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws IOException, JsonSyntaxException {
        next(); // opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                b.append((char) c);
                continue;
            }
            int e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append((char) e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(hex4());
                default -> throw error("bad escape");
            }
        }
    }

    private char hex4() throws IOException, JsonSyntaxException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(next(), 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Number number() throws IOException, JsonSyntaxException {
        StringBuilder b = new StringBuilder();
        if (peek() == '-') {
            b.append((char) next());
        }
        if (peek() == '0') {
            b.append((char) next());
        } else {
            digits(b);
        }
        if (peek() == '.') {
            b.append((char) next());
            digits(b);
        }
        if (peek() == 'e' || peek() == 'E') {
            b.append((char) next());
            if (peek() == '+' || peek() == '-') {
                b.append((char) next());
            }
            digits(b);
        }
        return new Number(b.toString());
    }

    private void digits(StringBuilder b) throws IOException, JsonSyntaxException {
        int start = b.length();
        while (peek() >= '0' && peek() <= '9') {
            b.append((char) next());
        }
        if (b.length() == start) {
            throw error("expected a digit");
        }
    }

    private Object literal(String word, Object value) throws IOException, JsonSyntaxException {
        for (int i = 0; i < word.length(); i++) {
            if (next() != word.charAt(i)) {
                throw error("expected " + word);
            }
        }
        return value;
    }

    private void enter() throws JsonSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) throws IOException, JsonSyntaxException {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipWhitespace() throws IOException {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r') {
            next();
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int next() throws IOException {
        int c = peek();
        peeked = -2;
        if (c != -1) {
            offset++;
        }
        return c;
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(message + " at character " + offset);
    }

    /** Malformed JSON text. */
    static final class JsonSyntaxException extends Exception {
        JsonSyntaxException(String message) {
            super(message);
        }
    }
}
