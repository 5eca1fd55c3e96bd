package org.consilium.registry.teaching;

import java.util.List;

/**
 * What the experts concluded, as a teaching case shows it, without identifiers (see {@link Redaction}).
 *
 * @param tnm          AJCC 8th TNM as the board recorded it, e.g. "cT2a cN1 cM0", or null
 * @param intent       CURATIVE or PALLIATIVE, or null
 * @param modalities   the recommended treatments in order, e.g. "1 SURGERY: VATS lobectomy"
 * @param rationale    the board's rationale
 * @param histology    histology of the pathology report, or null
 * @param prescription dose, fractions and technique of an approved plan, or null
 * @param expertNote   the reviewers' notes on approval, or null
 */
public record CaseSummary(String tnm, String intent, List<String> modalities, String rationale, String histology,
                          String prescription, String expertNote) {
}
