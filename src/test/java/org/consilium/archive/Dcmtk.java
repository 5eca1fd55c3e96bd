package org.consilium.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk command-line tools; a missing tool fails the test (CI installs dcmtk). */
public final class Dcmtk {

    public record Result(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    public static Result run(String tool, String... args) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin", tool);
        if (!Files.isExecutable(exe)) {
            throw new AssertionError(tool + " is missing: install Debian package dcmtk (.ci/run does)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Starts a long-running tool (storescp) and returns its process. */
    public static Process start(Path log, String tool, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of("/usr/bin", tool).toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
