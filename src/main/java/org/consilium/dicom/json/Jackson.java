package org.consilium.dicom.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The toolkit's one JSON factory: Jackson's streaming core (jackson-core, no data binding). Strict RFC 8259
 * (no NaN literals, no leading zeros or '+', no comments); nesting is limited so that hostile input cannot
 * exhaust the stack of the recursive DICOM reader; the caller's streams are never closed by Jackson.
 */
final class Jackson {

    /** Deepest nesting of JSON objects and arrays read; a sequence level takes three (item, element, Value). */
    static final int MAX_DEPTH = 512;

    static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private Jackson() {
    }
}
