package org.consilium.archive.upload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The tus {@code Upload-Metadata} header: comma-separated {@code key base64(value)} pairs (tus 1.0, "creation"). */
final class TusMetadata {

    private TusMetadata() {
    }

    /** The pairs of the header; a key without a value maps to "". Throws IllegalArgumentException when malformed. */
    static Map<String, String> parse(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", -1);
            if (kv.length > 2 || kv[0].isEmpty() || !kv[0].chars().allMatch(c -> c > 32 && c < 127)) {
                throw new IllegalArgumentException("Upload-Metadata: '" + pair.trim() + "' is not 'key base64'");
            }
            String value = kv.length == 2 ? new String(Base64.getDecoder().decode(kv[1]), StandardCharsets.UTF_8) : "";
            if (out.put(kv[0], value) != null) {
                throw new IllegalArgumentException("Upload-Metadata: '" + kv[0] + "' given twice");
            }
        }
        return out;
    }

    static String format(Map<String, String> metadata) {
        return metadata.entrySet().stream().map(e -> e.getKey() + " "
                + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }
}
