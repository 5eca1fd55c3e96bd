package org.consilium.dicom.net.association;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.consilium.dicom.dict.UID;
import org.consilium.dicom.net.pdu.PresentationContext;
import org.consilium.dicom.net.pdu.UserInformation;

/**
 * Where and how {@link Association#connect(ConnectOptions)} opens an association: peer, AE titles, proposed
 * presentation contexts (ids 1, 3, 5... in order), role selections, timeouts, our Maximum Length, and an
 * optional TLS context (DICOM TLS, PS3.15 B.1).
 *
 * <pre>{@code
 * ConnectOptions o = ConnectOptions.of("pacs.example", 104, "CONSILIUM", "PACS")
 *         .propose(UID.Verification, UID.ImplicitVRLittleEndian)
 *         .propose(UID.CTImageStorage, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian);
 * }</pre>
 */
public record ConnectOptions(String host, int port, String callingAe, String calledAe,
        List<PresentationContext> contexts, List<UserInformation.RoleSelection> roleSelections, Timeouts timeouts,
        SSLContext tls, long maxPduLength) {

    /** Our default Maximum Length for received P-DATA-TF: large PDUs mean fewer reads per instance. */
    public static final long DEFAULT_MAX_PDU_LENGTH = 65536;

    public ConnectOptions {
        contexts = List.copyOf(contexts);
        roleSelections = List.copyOf(roleSelections);
    }

    public static ConnectOptions of(String host, int port, String callingAe, String calledAe) {
        return new ConnectOptions(host, port, callingAe, calledAe, List.of(), List.of(), Timeouts.DEFAULT, null,
                DEFAULT_MAX_PDU_LENGTH);
    }

    /** Adds a presentation context; the id is the next odd number. */
    public ConnectOptions propose(String abstractSyntax, String... transferSyntaxes) {
        if (contexts.size() >= 128) {
            throw new IllegalStateException("PS3.8 9.3.2.2: at most 128 presentation contexts");
        }
        List<PresentationContext> pcs = new ArrayList<>(contexts);
        pcs.add(PresentationContext.propose(2 * pcs.size() + 1, abstractSyntax, transferSyntaxes));
        return new ConnectOptions(host, port, callingAe, calledAe, pcs, roleSelections, timeouts, tls, maxPduLength);
    }

    /** Proposes Verification with Implicit VR Little Endian, for {@link Association#cecho()}. */
    public ConnectOptions proposeVerification() {
        return propose(UID.Verification, UID.ImplicitVRLittleEndian);
    }

    /** Role selection (PS3.7 D.3.3.4), for example {@code withRole(sopClass, false, true)} for C-GET. */
    public ConnectOptions withRole(String sopClassUid, boolean scu, boolean scp) {
        List<UserInformation.RoleSelection> roles = new ArrayList<>(roleSelections);
        roles.add(new UserInformation.RoleSelection(sopClassUid, scu, scp));
        return new ConnectOptions(host, port, callingAe, calledAe, contexts, roles, timeouts, tls, maxPduLength);
    }

    public ConnectOptions withTimeouts(Timeouts t) {
        return new ConnectOptions(host, port, callingAe, calledAe, contexts, roleSelections, t, tls, maxPduLength);
    }

    public ConnectOptions withTls(SSLContext context) {
        return new ConnectOptions(host, port, callingAe, calledAe, contexts, roleSelections, timeouts, context,
                maxPduLength);
    }

    public ConnectOptions withMaxPduLength(long max) {
        return new ConnectOptions(host, port, callingAe, calledAe, contexts, roleSelections, timeouts, tls, max);
    }
}
