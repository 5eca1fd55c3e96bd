package org.consilium.archive.dimse;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A self-signed certificate and PKCS #8 key made by openssl, as a Kubernetes TLS Secret would mount them. */
public class DicomTlsTestResource implements QuarkusTestResourceLifecycleManager {

    static Path certificate;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("dicom-tls");
            certificate = dir.resolve("tls.crt");
            Path key = dir.resolve("tls.key");
            Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("openssl failed: " + output);
            }
            return Map.of("consilium.archive.tls.cert", certificate.toString(), "consilium.archive.tls.key", key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // temporary files; the JVM's temp directory is the test run's
    }
}
