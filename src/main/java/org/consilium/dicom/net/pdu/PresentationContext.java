package org.consilium.dicom.net.pdu;

import java.util.List;

/**
 * A presentation context (PS3.8 7.1.1.13, 9.3.2.2, 9.3.3.2): an abstract syntax (SOP class) and transfer
 * syntaxes under an odd id. Proposed: several transfer syntaxes, result unused. Answered: the result and,
 * when accepted, the one transfer syntax chosen.
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    public static PresentationContext propose(int id, String abstractSyntax, String... transferSyntaxes) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntaxes), ACCEPTANCE);
    }

    public static PresentationContext accept(int id, String abstractSyntax, String transferSyntax) {
        return new PresentationContext(id, abstractSyntax, List.of(transferSyntax), ACCEPTANCE);
    }

    public static PresentationContext reject(int id, String abstractSyntax, int result) {
        return new PresentationContext(id, abstractSyntax, List.of(), result);
    }

    public boolean accepted() {
        return result == ACCEPTANCE && !transferSyntaxes.isEmpty();
    }

    /** The transfer syntax of an accepted context. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }
}
