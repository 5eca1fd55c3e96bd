package org.consilium.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@code dicom-samples/} into a running server over STOW-RS, as a county radiotherapy user would
 * submit them, so that a fresh system has studies to look at. Storing the same files again changes nothing.
 */
final class SampleLoader {

    private static final String BOUNDARY = "consilium-samples";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String issuer;

    SampleLoader(String base, String issuer) {
        this.base = base;
        this.issuer = issuer;
    }

    /** Stores every .dcm file under {@code root}, one STOW-RS request per folder; returns the count. */
    int load(Path root, String username) throws IOException, InterruptedException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        String token = token(username);
        int stored = 0;
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
                }
                if (!files.isEmpty()) {
                    stow(files, token);
                    stored += files.size();
                }
            }
        }
        return stored;
    }

    private void stow(List<Path> files, String token) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path f : files) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(Files.readAllBytes(f));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest rq = HttpRequest.newBuilder(URI.create(base + "/dicomweb/studies"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = http.send(rq, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("loading samples from " + files.get(0).getParent() + " failed: " + r.statusCode()
                    + " " + r.body());
        }
    }

    String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=consilium-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(Tokens.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpRequest rq = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = http.send(rq, HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("cannot log in as " + username + ": " + r.statusCode());
        }
        return m.group(1);
    }
}
