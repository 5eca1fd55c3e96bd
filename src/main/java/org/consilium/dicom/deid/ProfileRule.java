package org.consilium.dicom.deid;

/**
 * One row of PS3.15 Table E.1-1: the attribute's tag (or tag pattern, {@code mask} having 0 bits where the
 * standard writes x), its Basic Profile code, and the codes of the two options we offer (null where the
 * option says nothing).
 */
public record ProfileRule(int tag, int mask, String name, String basic, String retainLongModifiedDates,
                          String cleanDescriptors) {

    /** The action taken under {@code options}: an option's requirement overrides the Basic Profile's. */
    public ProfileAction action(DeidOptions options) {
        if (options.retainLongitudinalModifiedDates() && retainLongModifiedDates != null) {
            return ProfileAction.resolve(retainLongModifiedDates);
        }
        if (options.cleanDescriptors() && cleanDescriptors != null) {
            return ProfileAction.resolve(cleanDescriptors);
        }
        return ProfileAction.resolve(basic);
    }

    public boolean matches(int candidate) {
        return (candidate & mask) == tag;
    }
}
