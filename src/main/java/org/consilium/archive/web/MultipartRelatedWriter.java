package org.consilium.archive.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes a multipart/related body part by part, so retrieved studies stream from the blob files. */
final class MultipartRelatedWriter {

    private final String boundary = "consilium-" + UUID.randomUUID();
    private OutputStream out;

    /** Attaches the response stream, once the framework provides it. */
    MultipartRelatedWriter bind(OutputStream stream) {
        this.out = stream;
        return this;
    }

    /** The Content-Type of the whole body. */
    String contentType(String partType) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    /** Starts a part; write its body to the stream, then call the next part or {@link #finish()}. */
    OutputStream part(String contentType, String contentLocation) throws IOException {
        StringBuilder head = new StringBuilder("\r\n--").append(boundary).append("\r\nContent-Type: ").append(contentType);
        if (contentLocation != null) {
            head.append("\r\nContent-Location: ").append(contentLocation);
        }
        out.write(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return out;
    }

    void finish() throws IOException {
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
