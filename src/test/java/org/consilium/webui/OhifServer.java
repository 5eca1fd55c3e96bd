package org.consilium.webui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * OHIF's built {@code dist/} as static files on a free port (what its {@code serve.json} asks of a static
 * server: any path that is not a file is {@code index.html}), with {@code app-config.js} replaced by the
 * benchmark's, whose {@code ORTHANC_DICOMWEB} becomes the Orthanc's DICOMweb root.
 */
final class OhifServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"), Map.entry("css", "text/css"), Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("wasm", "application/wasm"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"),
            Map.entry("xml", "application/xml"));

    private final HttpServer server;
    private final ExecutorService threads;

    private OhifServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static OhifServer start(Path dist, Path config, String dicomWeb) throws IOException {
        byte[] appConfig = Files.readString(config).replace("ORTHANC_DICOMWEB", dicomWeb).getBytes(StandardCharsets.UTF_8);
        Path root = dist.toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", WebApp.freePort()), 64);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/app-config.js")) {
                    send(exchange, "js", appConfig);
                    return;
                }
                Path file = root.resolve(path.substring(1)).normalize();
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    file = root.resolve("index.html");
                }
                String name = file.getFileName().toString();
                send(exchange, name.substring(name.lastIndexOf('.') + 1), Files.readAllBytes(file));
            }
        });
        server.start();
        return new OhifServer(server, threads);
    }

    private static void send(HttpExchange exchange, String extension, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
