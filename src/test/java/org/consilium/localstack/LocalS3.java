package org.consilium.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real S3-compatible server: S3Proxy (from Maven Central, copied to {@code target/s3proxy} by the build)
 * as a child process, storing objects in a local directory through jclouds' filesystem provider, with
 * AWS signature v4 authentication. One per test JVM, stopped when the JVM ends.
 */
public final class LocalS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "consilium-test";
    public static final String SECRET_KEY = "consilium-test-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);
    private static LocalS3 shared;

    private final Process process;
    private final int port;
    private final Path objects;

    private LocalS3(Process process, int port, Path objects) {
        this.process = process;
        this.port = port;
        this.objects = objects;
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized LocalS3 shared() {
        if (shared == null) {
            Path dataDir = Path.of(System.getProperty("consilium.data-dir", "target/test-data"));
            try {
                shared = start(Path.of(System.getProperty("consilium.test.s3proxy", "target/s3proxy/s3proxy.jar")),
                        dataDir.resolve("s3"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static LocalS3 start(Path jar, Path dir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no S3Proxy jar at " + jar + "; the Maven build copies it (process-test-resources)");
        }
        LocalKeycloak.deleteTree(dir);
        Path objects = Files.createDirectories(dir.resolve("objects"));
        int port = freePort();
        Path config = dir.resolve("s3proxy.conf");
        Files.write(config, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + objects.toAbsolutePath()));
        Path log = dir.resolve("s3proxy.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toAbsolutePath().toString(), "--properties", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalS3 s3 = new LocalS3(p, port, objects);
        s3.awaitListening(log);
        return s3;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where S3Proxy keeps the objects: {@code <objects>/<bucket>/<key>}. */
    public Path objects() {
        return objects;
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for S3Proxy", e);
                }
            }
        }
        close();
        throw new IOException("S3Proxy did not listen within " + START_TIMEOUT + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
