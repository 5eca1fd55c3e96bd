package org.consilium.archive.dimse;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.consilium.archive.ArchiveConfig;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.consilium.dicom.net.association.Acceptance;
import org.consilium.dicom.net.association.DicomServer;
import org.jboss.logging.Logger;

/**
 * The DIMSE listener: our AE (default CONSILIUM on 11112). Only registered AEs may associate; the
 * calling AE's hospital owns what it stores and bounds what it may query and retrieve.
 */
@ApplicationScoped
public class DimseListener {

    private static final Logger LOG = Logger.getLogger(DimseListener.class);

    @Inject
    ArchiveConfig config;
    @Inject
    AeRegistry peers;
    @Inject
    DimseServices services;

    private DicomServer server;

    void start(@Observes StartupEvent event) {
        try {
            server = DicomServer.builder()
                    .aeTitle(config.aeTitle())
                    .port(config.dimsePort())
                    .maxAssociations(config.maxAssociations())
                    .associationPolicy(rq -> peers.byTitle(rq.callingAe())
                            .<Acceptance>map(Acceptance::accept)
                            .orElseGet(() -> Acceptance.reject(AAssociateRj.REJECTED_PERMANENT,
                                    AAssociateRj.SOURCE_SERVICE_USER, AAssociateRj.CALLING_AE_NOT_RECOGNIZED)))
                    .storeHandler(services::store)
                    .findHandler(services::find)
                    .moveHandler(services::move)
                    .getHandler(services::get)
                    .build()
                    .start();
            LOG.infof("DICOM AE %s listening on port %d", config.aeTitle(), server.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the DIMSE listener on port " + config.dimsePort(), e);
        }
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** The bound port (tests configure 0 for an ephemeral one). */
    public int port() {
        return server.port();
    }

    public String aeTitle() {
        return config.aeTitle();
    }
}
