package org.consilium.consult;

import java.util.Arrays;
import java.util.Optional;

/** What an attachment is, decided from its first bytes, never from the name or the declared type. */
enum AttachmentType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** Enough bytes to tell every type apart. */
    static final int SNIFF_LENGTH = 8;

    private final String mediaType;
    private final byte[] magic;

    AttachmentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<AttachmentType> sniff(byte[] head) {
        return Arrays.stream(values())
                .filter(t -> head.length >= t.magic.length
                        && Arrays.equals(head, 0, t.magic.length, t.magic, 0, t.magic.length))
                .findFirst();
    }
}
