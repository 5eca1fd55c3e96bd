package org.consilium.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The result of walking the audit chain: intact, or the first row where it breaks and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainReport(boolean intact, long rowsChecked, Long firstBrokenSeq, String reason) {

    static ChainReport intact(long rows) {
        return new ChainReport(true, rows, null, null);
    }

    static ChainReport broken(long rows, long seq, String reason) {
        return new ChainReport(false, rows, seq, reason);
    }
}
