package org.consilium.archive;

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
import java.util.List;

/** A real Orthanc 1.10 (Debian package {@code orthanc}, DICOMweb plugin {@code orthanc-dicomweb}) for tests. */
final class Orthanc implements AutoCloseable {

    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final int httpPort;
    private final int dicomPort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Orthanc(Process process, int httpPort, int dicomPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.dicomPort = dicomPort;
    }

    /** Starts Orthanc with its storage under {@code dir}, AE title {@code aet}, and waits until it answers. */
    static Orthanc start(Path dir, String aet) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/sbin/Orthanc");
        if (!Files.isExecutable(exe) || !Files.exists(DICOMWEB_PLUGIN)) {
            throw new AssertionError("Orthanc is missing: install Debian packages orthanc orthanc-dicomweb (.ci/run does)");
        }
        int httpPort = freePort();
        int dicomPort = freePort();
        Path config = dir.resolve("orthanc.json");
        Files.writeString(config, """
                { "Name": "county-pacs", "StorageDirectory": "%s", "IndexDirectory": "%s",
                  "DicomAet": "%s", "DicomPort": %d, "HttpPort": %d, "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false, "DicomCheckCalledAet": false, "SyncStorageArea": true,
                  "Plugins": ["%s"], "DicomWeb": { "Enable": true, "Root": "/dicom-web/" } }
                """.formatted(dir.resolve("db"), dir.resolve("db"), aet, dicomPort, httpPort, DICOMWEB_PLUGIN));
        ProcessBuilder pb = new ProcessBuilder(exe.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Orthanc o = new Orthanc(pb.start(), httpPort, dicomPort);
        o.awaitReady(dir.resolve("orthanc.log"));
        return o;
    }

    int dicomPort() {
        return dicomPort;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    byte[] bytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private HttpResponse<String> send(HttpRequest.Builder rq) throws IOException, InterruptedException {
        return http.send(rq.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited: " + Files.readString(log));
            }
            try {
                if (get("/system").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("Orthanc did not start: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String json(List<String> strings) {
        return "[" + String.join(",", strings.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }
}
