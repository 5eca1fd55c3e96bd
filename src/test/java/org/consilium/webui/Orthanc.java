package org.consilium.webui;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Debian's Orthanc with its DICOMweb plugin ({@code orthanc}, {@code orthanc-dicomweb}), started as
 * bench/archive-vs-orthanc starts it (SQLite index, files under {@code dir}, fresh each time), on free ports.
 */
final class Orthanc implements AutoCloseable {

    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private Orthanc(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    static Orthanc start(Path dir) throws Exception {
        if (!Files.isRegularFile(DICOMWEB_PLUGIN)) {
            throw new IllegalStateException("missing " + DICOMWEB_PLUGIN + " (apt-get install -y orthanc orthanc-dicomweb)");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        int http = WebApp.freePort();
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
                { "Name": "bench", "StorageDirectory": "%1$s/db", "IndexDirectory": "%1$s/db",
                  "DicomAet": "ORTHANC", "DicomPort": %2$d, "HttpPort": %3$d, "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false, "StorageCompression": false, "Plugins": ["%4$s"],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" } }
                """.formatted(dir.toAbsolutePath(), WebApp.freePort(), http, DICOMWEB_PLUGIN));
        Process p = new ProcessBuilder("Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        Orthanc o = new Orthanc(p, "http://localhost:" + http);
        for (int i = 0; ; i++) {
            try {
                if (o.http.send(HttpRequest.newBuilder(URI.create(o.base + "/system")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return o;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!p.isAlive() || i > 120) {
                o.close();
                throw new IllegalStateException("Orthanc did not start: " + Files.readString(dir.resolve("orthanc.log")));
            }
            Thread.sleep(500);
        }
    }

    /** Its DICOMweb root, without the trailing slash. */
    String dicomWeb() {
        return base + "/dicom-web";
    }

    /**
     * Stores the files through Orthanc's REST API, one request each; a request on a connection that Orthanc
     * had closed as idle (its keep-alive timeout is 1 s) is sent again (storing an instance twice is harmless).
     */
    void store(List<Path> files) throws IOException, InterruptedException {
        for (Path f : files) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/instances"))
                    .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofFile(f)).build();
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedWhileIdle) {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (r.statusCode() != 200) {
                throw new IOException("Orthanc refused " + f + ": " + r.statusCode() + " " + r.body());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
