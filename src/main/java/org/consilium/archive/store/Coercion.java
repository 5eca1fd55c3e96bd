package org.consilium.archive.store;

import org.consilium.dicom.dict.ElementDictionary;
import org.consilium.dicom.dict.Tag;

/**
 * One attribute whose value the index could not take as sent: it indexed {@code indexed} (null: absent) in
 * place of {@code sent}. The stored object keeps the value as sent; only matching sees the coerced one.
 */
public record Coercion(int tag, String sent, String indexed, String why) {

    /** The attribute's keyword and tag, as an Error Comment or a log line names it. */
    public String attribute() {
        String keyword = ElementDictionary.keywordOf(tag);
        return (keyword == null || keyword.isEmpty() ? "" : keyword + " ") + Tag.toString(tag);
    }

    /** One line for the log and the STOW-RS response. */
    public String describe() {
        return attribute() + ": " + why + ", \"" + sent + "\" indexed as "
                + (indexed == null ? "absent" : "\"" + indexed + "\"");
    }
}
