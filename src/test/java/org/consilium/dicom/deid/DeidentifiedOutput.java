package org.consilium.dicom.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.data.Sequence;
import org.consilium.dicom.dict.Tag;

/** Walks a de-identified data set at every depth and lists what breaks the profile table. */
final class DeidentifiedOutput {

    private DeidentifiedOutput() {}

    /** Visits every element of {@code ds} and of every item of its sequences, with the item holding it. */
    static void walk(Attributes ds, BiConsumer<Attributes, Integer> visitor) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            visitor.accept(ds, tag);
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (Attributes item : seq) {
                    walk(item, visitor);
                }
            }
        }
    }

    /**
     * Violations of the table under {@code options}: an attribute to remove (X) that survives, one to empty (Z)
     * that has a value, a UID to replace (U) that is not a 2.25 UID, a private attribute left behind.
     */
    static List<String> violations(Attributes ds, DeidOptions options, boolean topLevelPseudonym) {
        ConfidentialityProfile table = ConfidentialityProfile.table();
        List<String> found = new ArrayList<>();
        walk(ds, (item, tag) -> {
            if (Tag.isPrivate(tag) && !options.retainPrivate()) {
                found.add("private " + Tag.toString(tag) + " survives");
                return;
            }
            ProfileRule rule = table.ruleFor(tag);
            if (rule == null) {
                return;
            }
            boolean pseudonym = topLevelPseudonym && item.parent() == null
                    && (tag == Tag.PatientID || tag == Tag.PatientName);
            switch (rule.action(options)) {
                case X -> {
                    if (!Deidentifier.EMPTIED_NOT_REMOVED.contains(tag) || item.getStrings(tag).length > 0) {
                        found.add(rule.name() + " " + Tag.toString(tag) + " should be removed");
                    }
                }
                case Z -> {
                    if (!pseudonym && item.getSequence(tag) == null && item.getStrings(tag).length > 0) {
                        found.add(rule.name() + " " + Tag.toString(tag) + " should be empty: "
                                + String.join("\\", item.getStrings(tag)));
                    }
                    if (item.getSequence(tag) != null && !item.getSequence(tag).isEmpty()) {
                        found.add(rule.name() + " " + Tag.toString(tag) + " should be an empty sequence");
                    }
                }
                case U -> {
                    if (item.getSequence(tag) == null) {
                        for (String uid : item.getStrings(tag)) {
                            if (!uid.startsWith("2.25.")) {
                                found.add(rule.name() + " " + Tag.toString(tag) + " not replaced: " + uid);
                            }
                        }
                    }
                }
                default -> { }
            }
        });
        return found;
    }
}
