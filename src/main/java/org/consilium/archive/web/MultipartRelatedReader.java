package org.consilium.archive.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the parts of a {@code multipart/related} body (RFC 2387 over RFC 2046) one after another. Each
 * part's body is an InputStream that ends at the next delimiter, so a multi-gigabyte STOW-RS upload is
 * never held in memory.
 *
 * <pre>{@code
 * var parts = new MultipartRelatedReader(body, boundary);
 * while (parts.next()) {
 *     String type = parts.headers().get("content-type");
 *     store(parts.body());
 * }
 * }</pre>
 */
public final class MultipartRelatedReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter; // CRLF "--" boundary
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean finished;
    private boolean started;
    private PartStream current;
    private Map<String, String> headers = Map.of();

    public MultipartRelatedReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Moves to the next part; false at the closing delimiter. Unread bytes of the current part are skipped. */
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        if (!started) {
            skipPreamble();
            started = true;
        } else {
            current.skipRest();
        }
        // After a delimiter: "--" closes the body; otherwise transport padding then CRLF.
        if (!fill(2)) {
            throw new MalformedMultipartException("body ends after a delimiter");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return false;
        }
        readLine(); // rest of the delimiter line
        headers = readHeaders();
        current = new PartStream();
        return true;
    }

    /** Header names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }

    public InputStream body() {
        return current;
    }

    private void skipPreamble() throws IOException {
        // The first delimiter may come without the leading CRLF.
        byte[] first = java.util.Arrays.copyOfRange(delimiter, 2, delimiter.length);
        if (fill(first.length) && startsWith(first)) {
            pos += first.length;
            return;
        }
        PartStream preamble = new PartStream();
        preamble.skipRest();
    }

    private boolean startsWith(byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> h = new HashMap<>();
        int total = 0;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("part headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedMultipartException("malformed part header: " + line);
            }
            h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return h;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (!fill(1)) {
                throw new MalformedMultipartException("body ends inside part headers");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            if (sb.length() > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("header line too long");
            }
            sb.append((char) (b & 0xFF));
        }
    }

    /** Ensures {@code n} unread bytes are buffered; false if the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                return false;
            }
            limit += r;
        }
        return true;
    }

    /** One part's body: bytes up to the next delimiter, which it consumes. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (ended || len == 0) {
                return ended ? -1 : 0;
            }
            if (!fill(delimiter.length)) {
                throw new MalformedMultipartException("body ends without a closing delimiter");
            }
            // Bytes before any possible start of the delimiter are safe to return.
            int safe = 0;
            int available = limit - pos;
            while (safe < available && safe < len) {
                if (buf[pos + safe] == delimiter[0] && matchesAt(pos + safe)) {
                    break;
                }
                safe++;
            }
            if (safe == 0) {
                if (matchesAt(pos)) {
                    pos += delimiter.length;
                    ended = true;
                    return -1;
                }
                safe = 1; // a CR that does not start the delimiter
            }
            System.arraycopy(buf, pos, out, off, safe);
            pos += safe;
            return safe;
        }

        /** True if the delimiter starts at {@code at}, reading more input if it runs past the buffer. */
        private boolean matchesAt(int at) throws IOException {
            int offset = at - pos;
            if (!fill(offset + delimiter.length)) {
                throw new MalformedMultipartException("body ends without a closing delimiter");
            }
            int start = pos + offset;
            for (int i = 0; i < delimiter.length; i++) {
                if (buf[start + i] != delimiter[i]) {
                    return false;
                }
            }
            return true;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }

    /** The body is not well-formed multipart. */
    public static final class MalformedMultipartException extends IOException {
        public MalformedMultipartException(String message) {
            super(message);
        }
    }
}
