package org.consilium.dicom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian tools the DICOM tests compare against. A missing tool fails the test: CI must install
 * dcmtk and python3-pydicom (see docs/dicom-toolkit.md), and a skipped comparison proves nothing.
 */
public final class ExternalTools {

    /** Debian's python3-pydicom 2.3.1 lives here; the python3 first on PATH may be another interpreter. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private ExternalTools() {}

    public record Result(int exitCode, String output) {}

    /** Runs a command with a timeout, returning its exit code and merged stdout/stderr. */
    public static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("cannot run " + command.get(0) + " (install the Debian package): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Fails unless the pydicom corpus and the Debian interpreter that can read it are installed. */
    public static void requirePydicom() {
        if (!Files.isDirectory(PYDICOM_DATA.resolve("test_files")) || !Files.isExecutable(PYTHON)) {
            fail("pydicom corpus missing: apt-get install python3-pydicom");
        }
    }

    /** Runs a Python script with Debian's interpreter; fails the test if it fails. */
    public static List<String> python(String script) {
        requirePydicom();
        Result r = run(List.of(PYTHON.toString(), "-c", script));
        if (r.exitCode() != 0) {
            fail("python failed: " + r.output());
        }
        return new ArrayList<>(r.output().lines().toList());
    }
}
