package org.consilium.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.LocalKeycloak;
import org.consilium.localstack.LocalS3;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Storescu;

/**
 * C-STORE ingest on the S3 blob store (S3Proxy on a local directory) against the local file store, side by
 * side: in each round the packaged server starts fresh on each store, takes an unmeasured warm-up batch,
 * then one timed storescu association of {@code instances} CT slices (0.5 MB). Prints each round's rates and
 * their ratio, and the median ratio, which issue 24 holds at 0.70 or more (exit 1 below it).
 *
 * <p>Usage: {@code IngestStores [instances=600] [rounds=3]} (bench/s3-vs-file runs it).
 */
public final class IngestStores {

    private static final int WARMUP = 60;

    private IngestStores() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Stack stack = ConsiliumTestResource.stack();
        LocalS3 s3 = LocalS3.shared();
        Path work = stack.dataDir().resolve("ingest-stores");
        List<Double> ratios = new ArrayList<>();
        System.out.printf("C-STORE of %d CT slices (512x512x16 bit), one association, %d rounds%n", instances, rounds);
        for (int round = 1; round <= rounds; round++) {
            double file = rate(stack, s3, work, "file", round, instances);
            double onS3 = rate(stack, s3, work, "s3", round, instances);
            ratios.add(onS3 / file);
            System.out.printf("round %d: file %.1f instances/s, s3 %.1f instances/s, s3/file %.2f%n",
                    round, file, onS3, onS3 / file);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        System.out.printf("median s3/file: %.2f (target >= 0.70): %s%n", median, median >= 0.70 ? "met" : "MISSED");
        System.exit(median >= 0.70 ? 0 : 1);
    }

    /** Instances per second of one timed storescu batch on a fresh server with the given store. */
    private static double rate(Stack stack, LocalS3 s3, Path work, String store, int round, int instances)
            throws Exception {
        Path dir = work.resolve(store + "-" + round);
        LocalKeycloak.deleteTree(dir);
        String bucket = "bench-" + store + "-" + round;
        Map<String, String> env = new HashMap<>(Map.of("CONSILIUM_DIMSE_PORT", Integer.toString(freePort()),
                "CONSILIUM_DATA_DIR", dir.resolve("data").toString()));
        if (store.equals("s3")) {
            env.putAll(Map.of("CONSILIUM_BLOB_STORE", "s3", "CONSILIUM_S3_ENDPOINT", s3.endpoint().toString(),
                    "CONSILIUM_S3_BUCKET", bucket, "CONSILIUM_S3_ACCESS_KEY", LocalS3.ACCESS_KEY,
                    "CONSILIUM_S3_SECRET_KEY", LocalS3.SECRET_KEY, "CONSILIUM_ARCHIVE_BLOB_STORE_S3_CREATE_BUCKET", "true"));
        }
        String tag = (System.currentTimeMillis() % 1_000_000_000L) + "" + round;
        SyntheticCtStudy.main(new String[] {dir.resolve("warmup").toString(), Integer.toString(WARMUP), tag + "1"});
        SyntheticCtStudy.main(new String[] {dir.resolve("timed").toString(), Integer.toString(instances), tag + "2"});
        try (ServerProcess server = ServerProcess.start(stack, freePort(), "1g", env, dir.resolve("server.log")).awaitReady()) {
            int port = Integer.parseInt(env.get("CONSILIUM_DIMSE_PORT"));
            send(port, dir.resolve("warmup"), WARMUP);
            long start = System.nanoTime();
            send(port, dir.resolve("timed"), instances);
            return instances / ((System.nanoTime() - start) / 1e9);
        } finally {
            LocalKeycloak.deleteTree(dir);
            LocalKeycloak.deleteTree(s3.objects().resolve(bucket));
        }
    }

    private static void send(int port, Path dir, int expected) throws Exception {
        Storescu storescu = Storescu.start(port, dir, expected, () -> { });
        if (!storescu.process().waitFor(10, TimeUnit.MINUTES) || storescu.process().exitValue() != 0
                || storescu.acknowledged().size() != expected) {
            throw new IllegalStateException("storescu failed: " + storescu.transcript());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
