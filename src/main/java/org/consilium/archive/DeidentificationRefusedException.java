package org.consilium.archive;

/**
 * A study was not de-identified because one of its instances may show identity in its pixels (Burned In
 * Annotation YES) and the request did not accept that; nothing was stored.
 */
public class DeidentificationRefusedException extends Exception {

    public DeidentificationRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
