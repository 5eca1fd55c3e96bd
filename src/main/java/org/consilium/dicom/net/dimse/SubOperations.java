package org.consilium.dicom.net.dimse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.dict.Tag;
import org.consilium.dicom.dict.VR;
import org.consilium.dicom.net.association.Association;

/**
 * Counts the C-STORE sub-operations of a C-MOVE or C-GET (PS3.4 C.4.2.1.5) and sends a pending response
 * after each one, with the numbers of remaining, completed, failed and warning sub-operations. Each report
 * returns false once the SCU has cancelled (C-CANCEL-RQ): stop sending then.
 *
 * <pre>{@code
 * progress.remaining(files.size());
 * for (Path f : files) {
 *     if (!progress.record(uid, scu.store(f, progress.originatorAe(), progress.messageId()))) break;
 * }
 * }</pre>
 */
public class SubOperations {

    final Association association;
    final Association.Message request;
    private final List<String> failedUids = new ArrayList<>();
    private int remaining;
    private int completed;
    private int failed;
    private int warning;
    private boolean cancelled;

    SubOperations(Association association, Association.Message request) {
        this.association = association;
        this.request = request;
    }

    /** The AE that asked for the retrieve: Move Originator AE Title of the sub-operations. */
    public String originatorAe() {
        return association.info().callingAe();
    }

    /** The retrieve request's Message ID: Move Originator Message ID of the sub-operations. */
    public int messageId() {
        return request.command().getInt(Tag.MessageID, 0);
    }

    /** Sets how many sub-operations are still to come. */
    public void remaining(int n) {
        remaining = Math.max(0, n);
    }

    public boolean completed(String sopInstanceUid) throws IOException {
        completed++;
        return reported();
    }

    public boolean warning(String sopInstanceUid) throws IOException {
        warning++;
        return reported();
    }

    public boolean failed(String sopInstanceUid) throws IOException {
        failed++;
        failedUids.add(sopInstanceUid);
        return reported();
    }

    /** Counts a sub-operation by the status of its C-STORE-RSP. */
    public boolean record(String sopInstanceUid, Status storeStatus) throws IOException {
        if (storeStatus.isSuccess()) {
            return completed(sopInstanceUid);
        }
        return storeStatus.isWarning() ? warning(sopInstanceUid) : failed(sopInstanceUid);
    }

    /** True once the SCU has sent C-CANCEL-RQ for this retrieve. */
    public boolean cancelled() throws IOException {
        if (!cancelled) {
            cancelled = association.cancelRequested(messageId());
        }
        return cancelled;
    }

    public int completedCount() {
        return completed;
    }

    public int failedCount() {
        return failed;
    }

    public int warningCount() {
        return warning;
    }

    private boolean reported() throws IOException {
        if (remaining > 0) {
            remaining--;
        }
        if (cancelled()) {
            return false;
        }
        association.send(request.contextId(), response(Status.of(Status.PENDING), false));
        return true;
    }

    /** Sends the final response: the handler's failure as it is, else a status derived from the counts. */
    void finish(Status handlerStatus) throws IOException {
        Status status = handlerStatus;
        if (cancelled) {
            status = Status.of(Status.CANCEL);
        } else if (handlerStatus.isSuccess() && failed > 0) {
            status = completed + warning == 0
                    ? Status.of(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, "all sub-operations failed")
                    : Status.of(Status.WARNING_SUB_OPERATIONS, failed + " sub-operations failed");
        } else if (handlerStatus.isSuccess() && warning > 0) {
            status = Status.of(Status.WARNING_SUB_OPERATIONS, warning + " sub-operations with warnings");
        }
        if (failedUids.isEmpty() || status.isSuccess()) {
            association.send(request.contextId(), response(status, false));
        } else {
            Attributes identifier = new Attributes(2);
            identifier.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
            association.send(request.contextId(), response(status, true), identifier);
        }
    }

    private Attributes response(Status status, boolean dataSet) {
        Attributes rsp = Dimse.response(request.command(), status, dataSet);
        if (status.isPending() || status.code() == Status.CANCEL) {
            rsp.setInt(Tag.NumberOfRemainingSuboperations, VR.US, remaining);
        }
        rsp.setInt(Tag.NumberOfCompletedSuboperations, VR.US, completed);
        rsp.setInt(Tag.NumberOfFailedSuboperations, VR.US, failed);
        rsp.setInt(Tag.NumberOfWarningSuboperations, VR.US, warning);
        return rsp;
    }
}
