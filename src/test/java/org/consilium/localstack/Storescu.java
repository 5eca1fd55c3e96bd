package org.consilium.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * dcmtk's storescu sending every file of a folder in one association as CHANGXING_PACS, watched line by
 * line: which files the peer acknowledged with Success, and a hook after the n-th acknowledgement (where a
 * test stops or kills the server).
 */
public final class Storescu {

    private static final String SUCCESS = "I: Received Store Response (Success)";
    private static final String SENDING = "I: Sending file: ";

    private final Process process;
    private final CompletableFuture<Void> reachedN = new CompletableFuture<>();
    private final Set<Path> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Storescu(Process process) {
        this.process = process;
    }

    /** Starts storescu to {@code localhost:port}; {@code atN} runs on the n-th Success. */
    public static Storescu start(int port, Path dir, int n, Runnable atN) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/storescu", "-v", "-aet", "CHANGXING_PACS", "-aec",
                "CONSILIUM", "localhost", Integer.toString(port)));
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> cmd.add(f.toString()));
        }
        Storescu s = new Storescu(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        Thread.ofPlatform().daemon().start(() -> s.watch(n, atN));
        return s;
    }

    private void watch(int n, Runnable atN) {
        Path sending = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith(SENDING)) {
                    sending = Path.of(line.substring(SENDING.length()).trim());
                } else if (line.startsWith(SUCCESS)) {
                    acknowledged.add(sending);
                    if (acknowledged.size() == n) {
                        atN.run();
                        reachedN.complete(null);
                    }
                }
            }
        } catch (IOException e) {
            reachedN.completeExceptionally(e);
        }
        reachedN.completeExceptionally(new AssertionError("storescu ended: " + transcript()));
    }

    public Process process() {
        return process;
    }

    /** Completes after the n-th Success (and its hook); fails if storescu ends first. */
    public CompletableFuture<Void> reachedN() {
        return reachedN;
    }

    /** The files the peer answered Success for. */
    public Set<Path> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    public String transcript() {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
