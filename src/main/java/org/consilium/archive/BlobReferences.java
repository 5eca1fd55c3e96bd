package org.consilium.archive;

import java.util.Collection;
import java.util.Set;

/**
 * Which blobs a capability still holds. The blob store is content-addressed and shared: the archive's index
 * names the blob of every instance, and other capabilities keep keys of their own (a consult's pathology
 * report). Each of them offers one of these as a CDI bean, and the archive sweeps a blob only when none
 * of them claims it.
 */
public interface BlobReferences {

    /** The keys among {@code keys} that this capability references (at most a few hundred at a time). */
    Set<String> referenced(Collection<String> keys);
}
