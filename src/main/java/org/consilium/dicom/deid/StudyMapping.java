package org.consilium.dicom.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The replacement UIDs and date offsets of one de-identification, shared by all instances of the study (or
 * studies) de-identified together, so that every series, Frame of Reference and RT reference still points to
 * the right place. Deterministic: a UID is replaced by {@code 2.25.} and the decimal of the first 128 bits of
 * HMAC-SHA256(key, UID) (PS3.5 B.2), so the same key and UID always give the same replacement and, without the
 * key, the replacement reveals nothing of the original. The key is never written into the output.
 *
 * <p>Thread-safe.
 */
public final class StudyMapping {

    private static final int MAX_SHIFT_DAYS = 3650;

    private final SecretKeySpec key;
    private final Map<String, String> issued = Collections.synchronizedMap(new LinkedHashMap<>());

    public StudyMapping(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a mapping key needs at least 128 bits");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A mapping with a fresh random key: each de-identification run gives new UIDs. */
    public static StudyMapping withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new StudyMapping(key);
    }

    /** The replacement of a UID (trimmed of padding); empty stays empty. */
    public String uid(String original) {
        String uid = original == null ? "" : original.strip().replace("\0", "");
        if (uid.isEmpty()) {
            return uid;
        }
        return issued.computeIfAbsent(uid, u -> "2.25." + new BigInteger(1, Arrays.copyOf(hmac("uid\0" + u), 16)));
    }

    /** Days to move the dates of this patient by, between -3650 and -1: always into the past. */
    public int dateOffsetDays(String originalPatientId) {
        byte[] h = hmac("date-offset\0" + (originalPatientId == null ? "" : originalPatientId.strip()));
        int n = ((h[0] & 0xFF) << 24 | (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF)) & 0x7FFFFFFF;
        return -(1 + n % MAX_SHIFT_DAYS);
    }

    /** The UIDs replaced so far, original to replacement. */
    public Map<String, String> issued() {
        synchronized (issued) {
            return Map.copyOf(issued);
        }
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
