package org.consilium.dicom.net.association;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.consilium.dicom.net.dimse.FindHandler;
import org.consilium.dicom.net.dimse.GetHandler;
import org.consilium.dicom.net.dimse.MoveHandler;
import org.consilium.dicom.net.dimse.StoreHandler;

/**
 * A DICOM application entity listening for associations: one platform thread per association (blocking
 * socket reads with no virtual-thread poller in between, measured cheaper on the C-STORE path; the limit on
 * concurrent associations bounds their number), and the handlers of the services it offers. Verification
 * (C-ECHO) is always offered; storage, query and retrieve when their handler is set.
 *
 * <pre>{@code
 * DicomServer server = DicomServer.builder()
 *         .aeTitle("CONSILIUM").bindAddress("0.0.0.0").port(11112)
 *         .associationPolicy(policy)
 *         .storeHandler(store).findHandler(find).moveHandler(move).getHandler(get)
 *         .timeouts(Timeouts.DEFAULT).maxAssociations(50)
 *         .build().start();
 * int port = server.port();
 * server.stopAccepting();                                  // graceful: running associations go on
 * server.awaitIdle(Instant.now().plusSeconds(30));
 * server.close();
 * }</pre>
 */
public final class DicomServer implements Closeable {

    private static final System.Logger LOG = System.getLogger(DicomServer.class.getName());
    private static final long IDLE_POLL_MILLIS = 50;

    final Builder config;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AssociationAcceptor acceptor;
    private ServerSocket serverSocket;
    private Thread acceptThread;
    private volatile boolean closed;

    private DicomServer(Builder config) {
        this.config = config;
        this.acceptor = new AssociationAcceptor(config);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts accepting; returns this. */
    public DicomServer start() throws IOException {
        serverSocket = config.tls != null ? config.tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress), config.port), 128);
        acceptThread = Thread.ofPlatform().daemon().name("dicom-accept-" + port()).start(this::acceptLoop);
        LOG.log(System.Logger.Level.INFO, "DICOM AE {0} listening on {1}{2}", config.aeTitle,
                serverSocket.getLocalSocketAddress(), config.tls != null ? " (TLS)" : "");
        return this;
    }

    /** The bound port; with {@code port(0)} the ephemeral one chosen. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Associations established and being served now. */
    public int activeAssociations() {
        return acceptor.active();
    }

    /**
     * Stops accepting associations (the port is closed, so a peer's connect is refused and it retries
     * elsewhere or later); the associations being served go on. The first half of a graceful shutdown.
     */
    public void stopAccepting() throws IOException {
        closed = true;
        if (serverSocket != null) {
            serverSocket.close();
        }
    }

    /**
     * Waits until every connection has ended (its peer released or aborted the association), at most until
     * {@code deadline}; true when none is left.
     */
    public boolean awaitIdle(Instant deadline) throws InterruptedException {
        while (!sockets.isEmpty()) {
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(IDLE_POLL_MILLIS);
        }
        return true;
    }

    /** Connections open now, associated or still negotiating. */
    public int openConnections() {
        return sockets.size();
    }

    /** Stops accepting and closes every open association's socket. */
    @Override
    public void close() throws IOException {
        stopAccepting();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void acceptLoop() {
        int overload = 2 * config.maxAssociations + 16;
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.ERROR, "accept failed", e);
                }
                return;
            }
            if (connections.incrementAndGet() > overload) {
                // far past the association limit: not even worth an A-ASSOCIATE-RJ
                connections.decrementAndGet();
                closeQuietly(socket);
                continue;
            }
            sockets.add(socket);
            Thread.ofPlatform().daemon().name("dicom-assoc-" + socket.getRemoteSocketAddress()).start(() -> {
                try {
                    acceptor.serve(socket);
                } finally {
                    sockets.remove(socket);
                    connections.decrementAndGet();
                    closeQuietly(socket);
                }
            });
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.toString());
        }
    }

    /** Server configuration; see {@link DicomServer}. */
    public static final class Builder {
        String aeTitle = "CONSILIUM";
        String bindAddress = "0.0.0.0";
        int port = 11112;
        AssociationPolicy policy = AssociationPolicy.acceptAll();
        public StoreHandler storeHandler;
        public FindHandler findHandler;
        public MoveHandler moveHandler;
        public GetHandler getHandler;
        public Timeouts timeouts = Timeouts.DEFAULT;
        int maxAssociations = 50;
        long maxPduLength = ConnectOptions.DEFAULT_MAX_PDU_LENGTH;
        SSLContext tls;

        private Builder() {}

        /** Our AE title; an A-ASSOCIATE-RQ calling another is rejected (called-AE-title-not-recognized). */
        public Builder aeTitle(String ae) {
            this.aeTitle = ae;
            return this;
        }

        public Builder bindAddress(String address) {
            this.bindAddress = address;
            return this;
        }

        /** 0 for an ephemeral port (tests). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder associationPolicy(AssociationPolicy policy) {
            this.policy = policy;
            return this;
        }

        public Builder storeHandler(StoreHandler h) {
            this.storeHandler = h;
            return this;
        }

        public Builder findHandler(FindHandler h) {
            this.findHandler = h;
            return this;
        }

        public Builder moveHandler(MoveHandler h) {
            this.moveHandler = h;
            return this;
        }

        public Builder getHandler(GetHandler h) {
            this.getHandler = h;
            return this;
        }

        public Builder timeouts(Timeouts t) {
            this.timeouts = t;
            return this;
        }

        /** Beyond this, A-ASSOCIATE-RJ rejected-transient, service-provider (presentation), local-limit-exceeded. */
        public Builder maxAssociations(int n) {
            this.maxAssociations = n;
            return this;
        }

        /** The Maximum Length we announce for P-DATA-TF we receive (PS3.8 D.1). */
        public Builder maxPduLength(long n) {
            this.maxPduLength = n;
            return this;
        }

        /** DICOM TLS (PS3.15 B.1); null for plain TCP. */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        public DicomServer build() {
            return new DicomServer(this);
        }
    }
}
