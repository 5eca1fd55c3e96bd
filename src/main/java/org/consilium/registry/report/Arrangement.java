package org.consilium.registry.report;

import java.time.Instant;

/** Who arranged one priority (优先检查 / 优先会诊 / 优先入院) and when. */
public record Arrangement(String by, Instant at) {

    static Arrangement of(String by, Instant at) {
        return at == null ? null : new Arrangement(by, at);
    }
}
