package org.consilium.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.consilium.localstack.Stack;

/**
 * One packaged server ({@code target/quarkus-app/quarkus-run.jar}) in its own JVM against a shared stack:
 * the way replicas run in production, used by the replica test and the live load benchmark.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a replica named {@code replicaId} on a free port and waits until it is ready. */
    public static ServerProcess start(Stack stack, String replicaId, Map<String, String> extraEnv) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw package first");
        }
        int port = freePort();
        Path logs = Files.createDirectories(stack.dataDir().resolve("logs"));
        Path log = logs.resolve("server-" + replicaId + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(stack.serverEnvironment());
        pb.environment().put("CONSILIUM_HTTP_PORT", Integer.toString(port));
        pb.environment().put("CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        pb.environment().put("CONSILIUM_REPLICA_ID", replicaId);
        pb.environment().putAll(extraEnv);
        ServerProcess server = new ServerProcess(pb.start(), port, log);
        server.awaitReady();
        return server;
    }

    public URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time (user + system) the server's JVM has used so far, in seconds, from /proc. */
    public double cpuSeconds() throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid() + "/stat"))
                .substring(Files.readString(Path.of("/proc/" + pid() + "/stat")).lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
    }

    /** Kills the JVM without a shutdown, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("the server was not ready within 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
