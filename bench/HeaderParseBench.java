import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consilium.dicom.io.DicomFile;
import org.consilium.dicom.io.DicomReader;

/**
 * Our side of the header-parse benchmark: DicomReader with stopBeforePixelData over a file list.
 * Prints one line: files/s. Usage: java -cp target/classes bench/HeaderParseBench.java LIST SECONDS
 * (or {@code --readable LIST} to print the listed files it reads)
 */
public class HeaderParseBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--readable")) { // prints the listed files we read; both sides then use those
            DicomReader reader = new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true));
            for (String p : Files.readAllLines(Path.of(args[1]))) {
                try {
                    reader.readFile(Path.of(p));
                    System.out.println(p);
                } catch (org.consilium.dicom.DicomException e) {
                    System.err.println("skipped, we reject it: " + p + ": " + e.getMessage());
                }
            }
            return;
        }
        List<Path> paths = Files.readAllLines(Path.of(args[0])).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        double seconds = Double.parseDouble(args[1]);
        DicomReader reader = new DicomReader(DicomReader.Options.DEFAULT.withStopBeforePixelData(true));
        long sink = 0;
        long warmupEnd = System.nanoTime() + 2_000_000_000L; // JIT warm-up, not measured
        while (System.nanoTime() < warmupEnd) {
            sink += onePass(reader, paths);
        }
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9) {
            sink += onePass(reader, paths);
            count += paths.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.1f%n", count / elapsed);
        if (sink == 42) {
            System.err.println(); // keeps the JIT from dropping the work
        }
    }

    private static long onePass(DicomReader reader, List<Path> paths) throws Exception {
        long n = 0;
        for (Path p : paths) {
            DicomFile f = reader.readFile(p);
            n += f.dataset().size();
        }
        return n;
    }
}
