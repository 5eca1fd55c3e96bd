package org.consilium.archive.store;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.consilium.archive.web.DicomWebLinks;
import org.consilium.bench.QidoPopulation;
import org.consilium.dicom.data.Attributes;
import org.consilium.dicom.json.DicomJsonWriter;
import org.consilium.localstack.LocalPostgres;
import org.flywaydb.core.Flyway;

/**
 * Times {@link QidoService#find} and the DICOM JSON answer written from it, on an index filled by
 * {@link QidoPopulation}, for the queries whose rows share their study's and series' stored JSON. A
 * program, not a test: run it before and after a change to the query path and compare.
 *
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.consilium.archive.store.QidoFindBench [instances] [seconds]
 * </pre>
 * (defaults: 20,000 instances, 5 s per query after 2 s of warm-up). Prints the median
 * milliseconds per query of each kind, elapsed and on this JVM's CPU (the database's own work, in its own
 * process, is only in the elapsed time).
 */
public final class QidoFindBench {

    private static final UUID PROVINCIAL = UUID.fromString("019a0000-0000-7000-8000-000000000001");
    private static final int LIMIT = 1000;

    private QidoFindBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Path dir = Files.createTempDirectory("qido-bench");
        try (LocalPostgres pg = LocalPostgres.start(dir, 0)) {
            Flyway.configure().dataSource(pg.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD)
                    .locations("classpath:db/migration").outOfOrder(true).load().migrate();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD)) {
                QidoPopulation.fill(c, instances, 42);
            }
            try (AgroalDataSource ds = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(2).connectionFactoryConfiguration(f -> f
                            .jdbcUrl(pg.jdbcUrl()).principal(new NamePrincipal(LocalPostgres.USER))
                            .credential(new SimplePassword(LocalPostgres.PASSWORD)))))) {
                QidoService qido = new QidoService();
                qido.dataSource = ds;
                qido.links = new DicomWebLinks();
                run(qido, "studies", QueryLevel.STUDY, false, seconds);
                run(qido, "series", QueryLevel.SERIES, false, seconds);
                run(qido, "instances", QueryLevel.IMAGE, false, seconds);
                run(qido, "instances includefield=all", QueryLevel.IMAGE, true, seconds);
            }
        }
    }

    private static void run(QidoService qido, String name, QueryLevel level, boolean all, double seconds)
            throws Exception {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] find = new long[100_000];
        long[] findCpu = new long[find.length];
        long[] written = new long[find.length];
        long[] writtenCpu = new long[find.length];
        int n = 0;
        int matches = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmEnd + (long) (seconds * 1e9);
        while (System.nanoTime() < end && n < find.length) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            StudyQuery q = new StudyQuery(level, PROVINCIAL, false);
            ReturnKeys keys = new ReturnKeys(level, true);
            if (all) {
                keys.includeAll();
            }
            List<Attributes> found = qido.find(q, keys, 0, LIMIT);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            DicomJsonWriter json = new DicomJsonWriter(OutputStream.nullOutputStream()).beginArray();
            for (Attributes a : found) {
                json.write(a);
            }
            json.endArray().flush();
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            if (t0 >= warmEnd) {
                find[n] = t1 - t0;
                findCpu[n] = c1 - c0;
                written[n] = t2 - t0;
                writtenCpu[n++] = c2 - c0;
            }
            matches = found.size();
        }
        System.out.printf("%-27s %4d matches  find %6.1f ms (Java CPU %6.2f ms)  find+write %6.1f ms (Java CPU %6.2f ms)"
                + "  median of %d%n", name, matches, median(find, n) / 1e6, median(findCpu, n) / 1e6,
                median(written, n) / 1e6, median(writtenCpu, n) / 1e6, n);
    }

    private static double median(long[] values, int n) {
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return n == 0 ? Double.NaN : v[n / 2];
    }
}
