package org.consilium.archive.forward;

/** A forwarding job waits (PENDING, also while it is retried), was stored by the peer (DONE) or gave up (FAILED). */
public enum ForwardState {
    PENDING, DONE, FAILED
}
