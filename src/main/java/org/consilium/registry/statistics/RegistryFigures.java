package org.consilium.registry.statistics;

import java.util.Map;

/**
 * Case-management figures over the hospitals the caller may see: how reports were recorded against their clock,
 * referrals by direction and state, and the mutual-recognition rate (recognised items over decided items; null
 * while none is decided).
 */
public record RegistryFigures(long reports, long recorded, long recordedOnTime, long open, long openOverdue,
                              Double meanSecondsToRecord, Map<String, Long> referralsUp, Map<String, Long> referralsDown,
                              long itemsDecided, long itemsRecognised, long itemsRepeated, Double recognitionRate) {
}
