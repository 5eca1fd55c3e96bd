package org.consilium.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.consilium.dicom.DicomException;
import org.consilium.dicom.net.association.Association;
import org.consilium.dicom.net.association.NoPresentationContextException;

/**
 * Sends the instances of a C-GET back on the requesting association (PS3.4 C.4.3.3): each
 * {@code store} is a C-STORE sub-operation, counted and followed by a pending C-GET-RSP.
 */
public final class GetResponder extends SubOperations {

    GetResponder(Association association, Association.Message request) {
        super(association, request);
    }

    /**
     * Stores one data set (no File Meta) on the SCU, which must have taken the SCP role for
     * {@code sopClass}. A refusal is counted as a failed sub-operation and returned, not thrown.
     */
    public Status store(String sopClass, String sopInstance, String transferSyntax, InputStream dataSet)
            throws IOException {
        Status status;
        if (!scpRoleAccepted(sopClass)) {
            status = Status.of(Status.SOP_CLASS_NOT_SUPPORTED, "no SCP role for " + sopClass);
        } else {
            try {
                status = association.cstore(sopClass, sopInstance, transferSyntax, dataSet);
            } catch (NoPresentationContextException e) {
                status = Status.of(Status.SOP_CLASS_NOT_SUPPORTED, e.getMessage());
            }
        }
        record(sopInstance, status);
        return status;
    }

    /** Stores a Part 10 file, streaming its data set from the file. */
    public Status store(Path part10File) throws IOException, DicomException {
        Part10File f = Part10File.read(part10File);
        try (InputStream in = f.openDataSet()) {
            return store(f.sopClassUid(), f.sopInstanceUid(), f.transferSyntaxUid(), in);
        }
    }

    private boolean scpRoleAccepted(String sopClass) {
        return association.info().roleSelections().stream()
                .anyMatch(r -> r.scp() && r.sopClassUid().equals(sopClass));
    }
}
