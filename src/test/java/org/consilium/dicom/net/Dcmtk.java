package org.consilium.dicom.net;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk tools (Debian package dcmtk). A missing tool fails the test: these are the real peers. */
public final class Dcmtk {

    public record Result(int exitCode, String output) {}

    private Dcmtk() {}

    static String tool(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        fail("dcmtk tool '" + name + "' not found: install the Debian package dcmtk");
        return null;
    }

    /** Runs a tool to completion within {@code timeout}; stdout and stderr together. */
    public static Result run(Duration timeout, String name, String... args) throws IOException, InterruptedException {
        Process p = start(name, args);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish within " + timeout + ":\n" + output(p));
        }
        return new Result(p.exitValue(), output(p));
    }

    static Process start(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool(name));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("dcmtk-" + name, ".log");
        log.toFile().deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        LOGS.put(p, log);
        return p;
    }

    public static String output(Process p) throws IOException {
        Path log = LOGS.get(p);
        return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
    }

    private static final java.util.Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A port free at the moment of asking, for a dcmtk SCP (which cannot report an ephemeral one). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code storescp} on a free port writing into {@code dir}; returns the process once it listens. */
    public static Process storescp(Path dir, String aeTitle, int port, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-aet", aeTitle, "-od", dir.toString()));
        if (java.util.Arrays.stream(extra).noneMatch(a -> a.startsWith("+x"))) {
            args.add("+xa"); // accept all transfer syntaxes, JPEG included
        }
        args.addAll(List.of(extra));
        args.add(Integer.toString(port));
        Process p = start("storescp", args.toArray(String[]::new));
        awaitListening(p, port);
        return p;
    }

    static void awaitListening(Process p, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("dcmtk SCP exited early:\n" + output(p));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        fail("dcmtk SCP not listening on " + port + ":\n" + output(p));
    }
}
