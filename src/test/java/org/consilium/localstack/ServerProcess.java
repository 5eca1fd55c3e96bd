package org.consilium.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server ({@code target/quarkus-app/quarkus-run.jar}) as its own process, pointed at a
 * {@link Stack}: what {@code bin/run} starts, and what the crash and memory tests kill and restart.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private ServerProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts the server with the stack's configuration plus {@code settings} (environment variables, such
     * as CONSILIUM_DIMSE_PORT), the given heap limit, and its output appended to {@code log}.
     */
    public static ServerProcess start(Stack stack, int httpPort, String maxHeap, Map<String, String> settings, Path log)
            throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IOException(jar + " is missing: build with ./mvnw package first (bin/run does)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap));
        command.addAll(jvmOptions(System.getenv("CONSILIUM_SERVER_JVM_OPTS")));
        command.addAll(List.of("-jar", jar.toString()));
        return start(stack, httpPort, command, settings, log);
    }

    /** Starts the server by {@code command} (as an image's entry point runs it), with the same environment. */
    public static ServerProcess start(Stack stack, int httpPort, List<String> command, Map<String, String> settings,
                                      Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(stack.serverEnvironment());
        pb.environment().put("CONSILIUM_HTTP_PORT", Integer.toString(httpPort));
        pb.environment().putAll(settings);
        return new ServerProcess(pb.start(), "http://localhost:" + httpPort, log);
    }

    /**
     * Extra JVM options for the server, space-separated, as {@code CONSILIUM_SERVER_JVM_OPTS} gives them (for
     * example a garbage collector, which {@code JAVA_TOOL_OPTIONS} cannot choose without also choosing
     * Keycloak's).
     */
    static List<String> jvmOptions(String opts) {
        return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Process process() {
        return process;
    }

    /** Waits until /q/health/ready answers UP; fails if the process exits first. */
    public ServerProcess awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IOException("the server was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    /** SIGTERM, as Kubernetes sends it: returns at once; the server shuts down gracefully. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; false if it is still running after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The server's output so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
