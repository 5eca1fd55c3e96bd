package org.consilium.dicom.samples;

import org.consilium.dicom.Implementation;

/**
 * The UIDs of the generated samples: {@code <project root>.2.<seed>.<path>}, where the path numbers the
 * study, series and instance. The same seed always gives the same UIDs; arc 2 of the root is reserved for
 * generated samples.
 */
final class SampleUids {

    static final String SAMPLES_ARC = Implementation.ROOT_UID + ".2";

    private final String base;

    SampleUids(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must not be negative");
        }
        this.base = SAMPLES_ARC + "." + seed;
    }

    /** The UID at {@code base.p0.p1...}; components must be positive (PS3.5 9.1: no leading zeros). */
    String uid(int... path) {
        StringBuilder b = new StringBuilder(base);
        for (int p : path) {
            if (p < 1) {
                throw new IllegalArgumentException("UID components must be positive: " + p);
            }
            b.append('.').append(p);
        }
        if (b.length() > 64) {
            throw new IllegalStateException("UID longer than 64 characters: " + b);
        }
        return b.toString();
    }
}
