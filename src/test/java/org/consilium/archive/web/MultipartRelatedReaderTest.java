package org.consilium.archive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartRelatedReaderTest {

    private static final String BOUNDARY = "b0undary";

    @Test
    void readsEveryPartExactlyWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        List<byte[]> parts = new ArrayList<>();
        for (int size : new int[] {0, 1, 13, 70_000, 200_001}) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            parts.add(b);
        }
        // a part that contains the delimiter minus its last byte, and lone CRLFs
        parts.add(("x\r\n--b0undar\r\n\r\n--" + "y").getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = encode(parts, "preamble to ignore\r\n");
        for (int chunk : new int[] {1, 7, 4096, 1 << 20}) {
            List<byte[]> read = readAll(new TrickleStream(new ByteArrayInputStream(body), chunk));
            assertEquals(parts.size(), read.size());
            for (int i = 0; i < parts.size(); i++) {
                assertArrayEquals(parts.get(i), read.get(i), "part " + i + " with chunk " + chunk);
            }
        }
    }

    @Test
    void exposesPartHeadersInLowerCase() throws IOException {
        byte[] body = ("--b0undary\r\nContent-Type: application/dicom\r\nX-Extra: 1\r\n\r\nabc\r\n--b0undary--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        MultipartRelatedReader r = new MultipartRelatedReader(new ByteArrayInputStream(body), BOUNDARY);
        assertTrue(r.next());
        assertEquals("application/dicom", r.headers().get("content-type"));
        assertEquals("abc", new String(r.body().readAllBytes(), StandardCharsets.US_ASCII));
        assertFalse(r.next());
    }

    @Test
    void bodyWithoutClosingDelimiterIsMalformed() {
        byte[] body = "--b0undary\r\nContent-Type: application/dicom\r\n\r\nabc and then nothing"
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartRelatedReader.MalformedMultipartException.class, () -> readAll(new ByteArrayInputStream(body)));
    }

    @Test
    void hugeHeaderIsMalformed() {
        byte[] body = ("--b0undary\r\nX: " + "a".repeat(40_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartRelatedReader.MalformedMultipartException.class, () -> readAll(new ByteArrayInputStream(body)));
    }

    static byte[] encode(List<byte[]> parts, String preamble) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(preamble.getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            out.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(p);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static List<byte[]> readAll(InputStream in) throws IOException {
        MultipartRelatedReader r = new MultipartRelatedReader(in, BOUNDARY);
        List<byte[]> out = new ArrayList<>();
        while (r.next()) {
            out.add(r.body().readAllBytes());
        }
        return out;
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network would. */
    private static final class TrickleStream extends FilterInputStream {
        private final int chunk;

        TrickleStream(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
