package org.consilium.dicom.net.association;

/**
 * Decides whether to accept an association, before any presentation context is looked at. Called on the
 * association's own thread; it may block (for example on a database lookup) within the ARTIM timeout.
 */
@FunctionalInterface
public interface AssociationPolicy {

    /** Accepts every calling AE whose called AE title is ours; the attachment is null. */
    static AssociationPolicy acceptAll() {
        return rq -> Acceptance.accept(null);
    }

    Acceptance evaluate(AssociationRequest request) throws Exception;
}
