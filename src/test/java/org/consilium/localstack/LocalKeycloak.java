package org.consilium.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, run as a child process from the {@code keycloak-quarkus-dist} zip that Maven resolved.
 * The zip is unpacked once under {@code <dataDir>/keycloak}; the realm comes from the repository.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "consilium";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** 4 minutes; {@code -Dconsilium.test.keycloak-start-minutes=N} gives a machine shared by many builds longer. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("consilium.test.keycloak-start-minutes", 4));

    private final Process process;
    private final int port;

    private LocalKeycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Keycloak on {@code port}.
     *
     * @param distZip   the resolved keycloak-quarkus-dist zip
     * @param realmFile the realm export to import
     * @param freshData drop Keycloak's own database first, so that the realm is imported anew
     */
    public static LocalKeycloak start(Path distZip, Path realmFile, Path dataDir, int port, boolean freshData)
            throws IOException {
        Path home = unpackOnce(distZip, dataDir.resolve("keycloak"));
        Path data = home.resolve("data");
        if (freshData) {
            deleteTree(data.resolve("h2"));
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        Files.copy(realmFile, imports.resolve("consilium-realm.json"), StandardCopyOption.REPLACE_EXISTING);

        Path log = dataDir.resolve("keycloak.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--import-realm", "--cache=local")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        LocalKeycloak keycloak = new LocalKeycloak(pb.start(), port);
        keycloak.awaitRealm(log);
        return keycloak;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    private void awaitRealm(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(discovery).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IOException("Keycloak did not serve realm " + REALM + " within " + START_TIMEOUT + "; see " + log);
    }

    private static Path unpackOnce(Path zip, Path target) throws IOException {
        String version = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "").replace(".zip", "");
        Path home = target.resolve("keycloak-" + version);
        Path marker = home.resolve(".unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        deleteTree(home);
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    copy(in, out);
                }
            }
        }
        for (String script : new String[] {"bin/kc.sh", "bin/kcadm.sh", "bin/kcreg.sh"}) {
            Path p = home.resolve(script);
            if (Files.exists(p)) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.createFile(marker);
        return home;
    }

    private static void copy(InputStream in, Path out) throws IOException {
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
