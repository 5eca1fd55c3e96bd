package org.consilium.dicom.document;

import java.security.SecureRandom;
import java.time.Clock;

import org.consilium.dicom.Implementation;

/**
 * UIDs for DICOM objects the server creates (reports, documents): {@code <project root>.3.<epoch ms>.<random>}.
 * Arc 1 of the root names the implementation, arc 2 the generated samples, arc 3 objects made at run time.
 * 63 random bits per millisecond make a collision between replicas negligible; the longest UID is
 * 27 + 3 + 13 + 1 + 19 = 63 characters, within PS3.5 9.1's 64.
 */
final class DocumentUids {

    static final String ARC = Implementation.ROOT_UID + ".3";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    DocumentUids(Clock clock) {
        this.clock = clock;
    }

    String next() {
        long random = RANDOM.nextLong() & Long.MAX_VALUE;
        return ARC + "." + clock.millis() + "." + Math.max(1, random); // PS3.5 9.1: no leading zeros
    }
}
