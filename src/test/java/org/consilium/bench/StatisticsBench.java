package org.consilium.bench;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 26's benchmark of the statistics dashboard: a synthetic province (bench/statistics-province.sql: 100 county
 * hospitals, 200,000 patients, two years of reports, consults, referrals, follow-up, screening and radiotherapy
 * reviews) is seeded into the test PostgreSQL, then every dashboard query (one section of the dashboard over HTTP,
 * as the app asks) is timed in rounds, for the whole alliance and for one hospital over two years,
 * and its p95 printed against the 300 ms target. Not a test (no *Test name): run by bench/statistics.
 */
@QuarkusTest
@WithTestResource(ConsiliumTestResource.class)
class StatisticsBench {

    private static final String[] SECTIONS = {"screening", "reports", "consults", "rt", "referrals", "followUp"};
    private static final double TARGET_MS = 300;

    @Inject
    AgroalDataSource db;

    @Test
    void dashboardQueriesOnASyntheticProvince() throws Exception {
        int rounds = Integer.getInteger("rounds", 3);
        int perRound = Integer.getInteger("requests", 10);
        String hospital = seed();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String twoYears = "from=" + today.minusYears(2).plusDays(1) + "&to=" + today;
        Map<String, String> queries = new LinkedHashMap<>();
        for (String s : SECTIONS) {
            queries.put(s + " · alliance · 2 years", twoYears + "&sections=" + s);
            queries.put(s + " · one hospital · 2 years", twoYears + "&sections=" + s + "&hospital=" + hospital);
        }
        queries.put("whole dashboard · alliance · 2 years", twoYears);
        System.out.printf(Locale.ROOT, "statistics dashboard, %d rounds of %d requests per query (ms):%n", rounds, perRound);
        System.out.printf(Locale.ROOT, "  %-40s %8s %8s %8s %s%n", "query", "p50", "p95", "max", "p95 < 300 ms");
        for (var q : queries.entrySet()) {
            String token = Tokens.of("cm.wang"); // fresh for each query: a slow run outlasts a token
            for (int i = 0; i < 2; i++) {
                call(token, q.getValue()); // warm-up
            }
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < perRound; i++) {
                    times.add(call(token, q.getValue()));
                }
            }
            List<Double> v = times.stream().sorted().toList();
            double p95 = v.get((int) Math.ceil(0.95 * v.size()) - 1);
            System.out.printf(Locale.ROOT, "  %-40s %8.1f %8.1f %8.1f %s%n", q.getKey(), v.get(v.size() / 2), p95,
                    v.get(v.size() - 1), p95 < TARGET_MS ? "yes" : "NO");
            System.out.flush();
        }
    }

    private static double call(String token, String query) {
        long start = System.nanoTime();
        given().auth().oauth2(token).get("/api/registry/statistics/dashboard?" + query).then().statusCode(200);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Seeds the province once per database; returns one of its hospitals. */
    private String seed() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            if (!exists(s)) {
                long start = System.nanoTime();
                try (InputStream in = StatisticsBench.class.getResourceAsStream("/bench/statistics-province.sql")) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                // what autovacuum does soon after a bulk insert: statistics for the planner, and the visibility map
                // that lets the dashboard's covering indexes answer without visiting the rows
                s.execute("vacuum (analyze)");
                System.out.printf(Locale.ROOT, "seeded the synthetic province in %.0f s%n", (System.nanoTime() - start) / 1e9);
            }
            try (ResultSet r = s.executeQuery("select (select count(*) from patient), (select count(*) from tumor_report),"
                    + " (select count(*) from consult), (select count(*) from referral), (select count(*) from follow_up_visit),"
                    + " (select count(*) from screening_participant), (select count(*) from rt_submission),"
                    + " (select id from hospital where alias = 'bench-042')")) {
                r.next();
                System.out.printf(Locale.ROOT, "province: %d patients, %d reports, %d consults, %d referrals, %d follow-up"
                                + " visits, %d screening participants, %d plans%n", r.getLong(1), r.getLong(2), r.getLong(3),
                        r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7));
                return r.getString(8);
            }
        }
    }

    private static boolean exists(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("select count(*) from hospital where alias = 'bench-001'")) {
            r.next();
            return r.getLong(1) > 0;
        }
    }
}
