package org.consilium.dicom.net.pdu;

/** A-ASSOCIATE-RJ (PS3.8 9.3.4, table 9-21): result, source and reason of a rejection. */
public record AAssociateRj(int result, int source, int reason) implements Pdu {

    public static final int REJECTED_PERMANENT = 1;
    public static final int REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Source 1 (service user) reasons. */
    public static final int NO_REASON_GIVEN = 1;
    public static final int APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int CALLING_AE_NOT_RECOGNIZED = 3;
    public static final int CALLED_AE_NOT_RECOGNIZED = 7;

    /** Source 2 (ACSE) reason. */
    public static final int PROTOCOL_VERSION_NOT_SUPPORTED = 2;

    /** Source 3 (presentation) reasons. */
    public static final int TEMPORARY_CONGESTION = 1;
    public static final int LOCAL_LIMIT_EXCEEDED = 2;

    public static AAssociateRj callingAeNotRecognized() {
        return new AAssociateRj(REJECTED_PERMANENT, SOURCE_SERVICE_USER, CALLING_AE_NOT_RECOGNIZED);
    }

    public static AAssociateRj calledAeNotRecognized() {
        return new AAssociateRj(REJECTED_PERMANENT, SOURCE_SERVICE_USER, CALLED_AE_NOT_RECOGNIZED);
    }

    public static AAssociateRj localLimitExceeded() {
        return new AAssociateRj(REJECTED_TRANSIENT, SOURCE_SERVICE_PROVIDER_PRESENTATION, LOCAL_LIMIT_EXCEEDED);
    }

    /** For messages, for example "rejected-permanent, service-user, calling-AE-title-not-recognized". */
    public String describe() {
        String r = result == REJECTED_PERMANENT ? "rejected-permanent" : result == REJECTED_TRANSIENT
                ? "rejected-transient" : "result " + result;
        String s = switch (source) {
            case SOURCE_SERVICE_USER -> "service-user";
            case SOURCE_SERVICE_PROVIDER_ACSE -> "service-provider (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> "service-provider (presentation)";
            default -> "source " + source;
        };
        String why = switch (source * 16 + reason) {
            case 0x11 -> "no-reason-given";
            case 0x12 -> "application-context-name-not-supported";
            case 0x13 -> "calling-AE-title-not-recognized";
            case 0x17 -> "called-AE-title-not-recognized";
            case 0x22 -> "protocol-version-not-supported";
            case 0x31 -> "temporary-congestion";
            case 0x32 -> "local-limit-exceeded";
            default -> "reason " + reason;
        };
        return r + ", " + s + ", " + why;
    }
}
