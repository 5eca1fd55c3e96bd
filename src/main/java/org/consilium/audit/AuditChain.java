package org.consilium.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** The hash that links each audit row to the one before it. */
final class AuditChain {

    /** prev_hash of the very first row. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEvent e) {
        // Fields are length-prefixed so that moving text between fields changes the hash.
        StringBuilder canonical = new StringBuilder();
        append(canonical, e.prevHash);
        append(canonical, Long.toString(e.seq));
        append(canonical, DateTimeFormatter.ISO_INSTANT.format(e.at));
        append(canonical, e.actorId);
        append(canonical, e.actor);
        append(canonical, e.hospitalId == null ? "" : e.hospitalId.toString());
        append(canonical, e.action);
        append(canonical, e.target);
        append(canonical, e.outcome.name());
        append(canonical, e.detail == null ? "" : e.detail);
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder sb, String field) {
        sb.append(field.length()).append(':').append(field).append('|');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
