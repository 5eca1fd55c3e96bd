package org.consilium.archive.dimse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.consilium.archive.ArchiveConfig;
import org.consilium.dicom.net.association.Acceptance;
import org.consilium.dicom.net.association.DicomServer;
import org.consilium.dicom.net.pdu.AAssociateRj;
import org.consilium.platform.GracefulShutdown;
import org.consilium.platform.RequestIds;
import org.jboss.logging.Logger;

/**
 * The DIMSE listener: our AE (default CONSILIUM on 11112). Only registered AEs may associate; the
 * calling AE's hospital owns what it stores and bounds what it may query and retrieve. With a certificate
 * and key configured, the same AE also listens with TLS on its own port (default 2762, PS3.15 B.1).
 * On SIGTERM it stops accepting at once (while readiness turns DOWN) and lets the associations it is
 * serving finish, for at most the platform's shutdown grace; then it closes what is left.
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
    @Inject
    GracefulShutdown shutdown;
    @Inject
    MeterRegistry registry;

    private DicomServer server;
    private DicomServer tlsServer;

    void start(@Observes StartupEvent event) {
        Gauge.builder("consilium.dimse.associations.open", () -> servers().stream()
                        .mapToInt(DicomServer::activeAssociations).sum())
                .description("DICOM associations being served now").register(registry);
        try {
            server = server(config.dimsePort(), null);
            LOG.infof("DICOM AE %s listening on port %d", config.aeTitle(), server.port());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the DIMSE listener on port " + config.dimsePort(), e);
        }
        Optional<Path> tlsCert = config.tls().cert();
        Optional<Path> tlsKey = config.tls().key();
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            throw new IllegalStateException("DICOM TLS needs both consilium.archive.tls.cert and consilium.archive.tls.key");
        }
        if (tlsCert.isPresent()) {
            try {
                tlsServer = server(config.dimseTlsPort(), DicomTls.fromPem(tlsCert.get(), tlsKey.get()));
                LOG.infof("DICOM AE %s listening with TLS on port %d", config.aeTitle(), tlsServer.port());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the DICOM TLS listener on port " + config.dimseTlsPort(), e);
            }
        }
    }

    private DicomServer server(int listenPort, SSLContext tls) throws IOException {
        return DicomServer.builder()
                .aeTitle(config.aeTitle())
                .port(listenPort)
                .tls(tls)
                .maxAssociations(config.maxAssociations())
                .associationPolicy(rq -> {
                    // the policy runs first on the association's own thread: from here on its log lines
                    // carry the association's id
                    RequestIds.begin("assoc-");
                    Acceptance decision = peers.byTitle(rq.callingAe()).<Acceptance>map(Acceptance::accept)
                            .orElseGet(() -> Acceptance.reject(AAssociateRj.REJECTED_PERMANENT,
                                    AAssociateRj.SOURCE_SERVICE_USER, AAssociateRj.CALLING_AE_NOT_RECOGNIZED));
                    LOG.infof("association from %s (%s) to %s: %s", rq.callingAe(), rq.remoteAddress(), rq.calledAe(),
                            decision instanceof Acceptance.Accept ? "accepted" : "rejected");
                    associations(decision instanceof Acceptance.Accept ? "accepted" : "rejected").increment();
                    return decision;
                })
                .storeHandler(services::store)
                .findHandler(services::find)
                .moveHandler(services::move)
                .getHandler(services::get)
                .build()
                .start();
    }

    /** SIGTERM: no new associations from now on; those running go on until the shutdown's deadline. */
    void stopAccepting(@Observes ShutdownDelayInitiatedEvent event) throws IOException {
        for (DicomServer s : servers()) {
            s.stopAccepting();
            LOG.infof("DICOM port %d closed for shutdown; %d connection(s) finishing", s.port(), s.openConnections());
        }
    }

    void stop(@Observes ShutdownEvent event) throws IOException, InterruptedException {
        Instant deadline = shutdown.deadline();
        for (DicomServer s : servers()) {
            s.stopAccepting();
            if (!s.awaitIdle(deadline)) {
                LOG.warnf("shutdown grace over: closing %d DICOM connection(s) on port %d", s.openConnections(), s.port());
            }
            s.close();
        }
    }

    private Counter associations(String outcome) {
        return Counter.builder("consilium.dimse.associations").description("DICOM associations requested, by decision")
                .tag("outcome", outcome).register(registry);
    }

    private List<DicomServer> servers() {
        return Stream.of(server, tlsServer).filter(Objects::nonNull).toList();
    }

    /** The bound TLS port, or -1 when no certificate is configured. */
    public int tlsPort() {
        return tlsServer != null ? tlsServer.port() : -1;
    }

    /** The bound port (tests configure 0 for an ephemeral one). */
    public int port() {
        return server.port();
    }

    public String aeTitle() {
        return config.aeTitle();
    }
}
