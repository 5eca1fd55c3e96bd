package org.consilium.archive;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** A dcmtk storescp on a free port that keeps what it receives bit for bit; stopped on close. */
public final class StoreScpPeer implements AutoCloseable {

    public final String aeTitle;
    public final int port;
    final Path received;
    private final Process process;

    private StoreScpPeer(String aeTitle, int port, Path received, Process process) {
        this.aeTitle = aeTitle;
        this.port = port;
        this.received = received;
        this.process = process;
    }

    public static StoreScpPeer start(String aeTitle, Path dir) throws Exception {
        Path received = Files.createDirectories(dir.resolve("received"));
        int port = freePort();
        // +xa: accept every transfer syntax; +B: write the data set exactly as it arrived
        Process p = Dcmtk.start(dir.resolve("storescp.log"), "storescp", "-aet", aeTitle, "+xa", "+B", "-od",
                received.toString(), String.valueOf(port));
        StoreScpPeer peer = new StoreScpPeer(aeTitle, port, received, p);
        peer.awaitListening();
        return peer;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The file storescp wrote for this instance (named after its SOP Instance UID), if any. */
    public Optional<Path> file(String sopInstanceUid) throws IOException {
        try (Stream<Path> files = Files.list(received)) {
            return files.filter(f -> f.getFileName().toString().endsWith(sopInstanceUid)).findFirst();
        }
    }

    private void awaitListening() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (Dcmtk.run("echoscu", "-aec", aeTitle, "127.0.0.1", String.valueOf(port)).exitCode() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new AssertionError("storescp did not start listening on " + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
