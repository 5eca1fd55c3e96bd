package org.consilium.bench;

import static io.restassured.RestAssured.given;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.consilium.localstack.ConsiliumTestResource;
import org.consilium.localstack.ServerProcess;
import org.consilium.localstack.Stack;
import org.consilium.localstack.Tokens;

/**
 * Live rooms under load: R rooms x C clients, each client sending an annotation every 2 s and a cursor at
 * 10 Hz. Measures fan-out latency (send to receipt of the annotation's event, p50/p95/p99, over every
 * receiver), server CPU, and lost or reordered persistent events, for one instance and for two replicas
 * (clients of each room split across both), each in {@link #ROUNDS} rounds after an unmeasured warm-up
 * run of the same traffic, and holds the median round's p99 against the absolute targets (50 ms on one
 * instance, 100 ms across two replicas, nothing lost or reordered). The benchmark's own bare broadcast
 * ({@link BareBroadcast}) is measured once beside them, for information. Started by {@code bench/live-load};
 * prints a table.
 */
public final class LiveLoad {

    static final String SOP = "1.2.826.0.1.3680043.10.1234.9.1";
    /** Seconds of each unmeasured warm-up run: a fresh server compiles its hot paths for about 20 s. */
    static final int WARM_UP_SECONDS = Integer.getInteger("warmup", 30);
    /**
     * Measured rounds per setting; the median round's p99 is held against the target, since a single
     * window's p99 moves by a third from run to run on this shared machine.
     */
    static final int ROUNDS = Integer.getInteger("rounds", 3);
    static final List<String> USERS = List.of("dr.li", "dr.zhao", "dr.sun", "dr.zhou", "dr.wu", "phys.chen", "cm.wang");

    /** p99 targets in ms, by servers (issue 19). */
    static final Map<String, Double> TARGETS = Map.of("1 instance", 50.0, "2 replicas", 100.0);

    record Result(String setting, int samples, double p50, double p95, double p99, double max, double serverCores,
                  double loadCores, double databaseCores, long lost, long reordered, long sent, StageHistogram stages) {
    }

    /** The server-side stages (LiveStages) in the order an event passes them. */
    static final List<String> STAGES = List.of("queue", "connection", "statements", "commit", "fanout", "send");

    public static void main(String[] args) throws Exception {
        int rooms = Integer.parseInt(arg(args, 0, "20"));
        int perRoom = Integer.parseInt(arg(args, 1, "25"));
        int seconds = Integer.parseInt(arg(args, 2, "30"));
        Path dir = Path.of(System.getProperty("consilium.data-dir", "/tmp/consilium-live-bench"));
        say("starting PostgreSQL and Keycloak under " + dir);
        {
            Stack stack = stack(dir);
            issuer = stack.keycloak().issuer();
            List<Result> results = new ArrayList<>();
            try (ServerProcess a = server(stack, "bench-a")) {
                say("server A up: " + a.baseUrl());
                Map<String, String> ids = userIds(base(a));
                run("warm-up, live rooms", List.of(a), null, rooms, perRoom, WARM_UP_SECONDS, ids);
                rounds("live rooms, 1 instance", List.of(a), rooms, perRoom, seconds, ids, results);
                try (ServerProcess b = server(stack, "bench-b")) {
                    say("server B up: " + b.baseUrl());
                    Thread.sleep(6000); // let both see each other's heartbeat
                    run("warm-up, 2 replicas", List.of(a, b), null, rooms, perRoom, WARM_UP_SECONDS, ids);
                    rounds("live rooms, 2 replicas", List.of(a, b), rooms, perRoom, seconds, ids, results);
                }
            }
            try (BareBroadcast bare = new BareBroadcast()) {
                run("warm-up, bare broadcast", List.of(), bare, rooms, perRoom, Math.min(WARM_UP_SECONDS, 10), Map.of());
                results.add(run("bare broadcast (bench's own)", List.of(), bare, rooms, perRoom, seconds, Map.of()));
            }
            print(rooms, perRoom, seconds, results);
        }
        System.exit(0);
    }

    /** The same stack the tests use (fresh PostgreSQL and Keycloak), so that Tokens and the servers agree. */
    static Stack stack(Path dir) {
        return ConsiliumTestResource.stack();
    }

    /** {@link #ROUNDS} measured rounds of one setting. */
    static void rounds(String setting, List<ServerProcess> servers, int rooms, int perRoom, int seconds,
                       Map<String, String> ids, List<Result> results) throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            results.add(run(setting + (ROUNDS == 1 ? "" : " #" + round), servers, null, rooms, perRoom, seconds, ids));
        }
    }

    /** One measured run against the servers, or against the bare broadcast when {@code bare} is given. */
    static Result run(String setting, List<ServerProcess> servers, BareBroadcast bare, int rooms, int perRoom,
                      int seconds, Map<String, String> ids) throws Exception {
        say("== " + setting + ": connecting " + rooms * perRoom + " clients");
        List<Client> clients = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        for (int r = 0; r < rooms; r++) {
            String room = bare != null ? "bench-" + UUID.randomUUID() : openRoom(base(servers.get(0)), ids);
            for (int c = 0; c < perRoom; c++) {
                String user = USERS.get(c % USERS.size());
                URI server = bare != null ? URI.create("http://localhost:" + bare.port()) : base(servers.get(c % servers.size()));
                String path = bare != null ? "/bench/broadcast/" + room : ticket(server, user, room);
                Client client = new Client(room, "r" + r + "c" + c);
                client.socket = http.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://localhost:" + server.getPort() + path), client).join();
                clients.add(client);
            }
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        for (Client c : clients) {
            senders.scheduleAtFixedRate(c::cursor, ThreadLocalRandom.current().nextInt(100), 100, TimeUnit.MILLISECONDS);
            senders.scheduleAtFixedRate(c::annotate, ThreadLocalRandom.current().nextInt(2000), 2000, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(5000); // warm-up
        long from = System.nanoTime();
        clients.forEach(c -> c.measureFrom = from);
        double[] cpu0 = cpu(servers);
        double load0 = loadCpu();
        double db0 = databaseCpu();
        StageHistogram stages0 = stages(servers);
        Thread.sleep(seconds * 1000L);
        double[] cpu1 = cpu(servers);
        double load1 = loadCpu();
        double db1 = databaseCpu();
        StageHistogram stages = stages(servers).minus(stages0);
        long until = System.nanoTime();
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(3000); // drain
        long sentInWindow = 0;
        long expected = 0;
        long received = 0;
        long lost = 0;
        long reordered = 0;
        List<long[]> all = new ArrayList<>();
        for (Client c : clients) {
            sentInWindow += c.sentInWindow(from, until);
            lost += c.gaps;
            reordered += c.reordered;
            all.add(c.latencies());
        }
        for (Client c : clients) {
            long roomSent = clients.stream().filter(o -> o.room.equals(c.room)).mapToLong(o -> o.sentInWindow(from, until)).sum();
            expected += roomSent;
            received += c.receivedInWindow;
        }
        if (bare != null) {
            lost = Math.max(0, expected - received);
        } else {
            lost += Math.max(0, expected - received);
        }
        for (Client c : clients) {
            c.socket.abort();
        }
        http.shutdownNow();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double cores = 0;
        for (int i = 0; i < servers.size(); i++) {
            cores += (cpu1[i] - cpu0[i]) / seconds;
        }
        Result r = new Result(setting, lat.length, ms(lat, 0.50), ms(lat, 0.95), ms(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6,
                cores, (load1 - load0) / seconds, (db1 - db0) / seconds, lost, reordered, sentInWindow, stages);
        say(String.format("%s: %d fan-outs, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, server %.2f cores, db %.2f cores, lost %d, reordered %d",
                setting, r.samples(), r.p50(), r.p95(), r.p99(), r.max(), r.serverCores(), r.databaseCores(), r.lost(), r.reordered()));
        Thread.sleep(2000);
        return r;
    }

    static void print(int rooms, int perRoom, int seconds, List<Result> results) {
        System.out.printf("%nLive rooms: %d rooms x %d clients, annotation every 2 s + cursor 10 Hz, %d s measured, %d cores%n",
                rooms, perRoom, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-30s %9s %8s %8s %8s %8s %12s %10s %9s %6s %9s%n", "setting", "fan-outs", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "server CPU", "load CPU", "db CPU", "lost", "reorder");
        for (Result r : results) {
            System.out.printf("%-30s %9d %8.1f %8.1f %8.1f %8.1f %6.2f cores %9.2f %9.2f %6d %9d%n", r.setting(), r.samples(),
                    r.p50(), r.p95(), r.p99(), r.max(), r.serverCores(), r.loadCores(), r.databaseCores(), r.lost(), r.reordered());
        }
        System.out.printf("%nServer-side stages, p50 / p99 ms (consilium_live_stage_seconds, summed over the setting's servers)%n");
        System.out.printf("%-30s", "setting");
        STAGES.forEach(s -> System.out.printf(" %15s", s));
        System.out.println();
        for (Result r : results) {
            System.out.printf("%-30s", r.setting());
            for (String s : STAGES) {
                System.out.printf(" %15s", r.stages().count(s) == 0 ? "-"
                        : String.format("%.1f / %.1f", r.stages().millis(s, 0.50), r.stages().millis(s, 0.99)));
            }
            System.out.println();
        }
        System.out.printf("%n%-30s %14s %10s %16s %8s%n", "target", "median p99", "target", "lost + reordered", "verdict");
        TARGETS.forEach((servers, target) -> {
            List<Result> rounds = results.stream().filter(r -> r.setting().startsWith("live rooms, " + servers)).toList();
            if (!rounds.isEmpty()) {
                double p99 = median(rounds.stream().map(Result::p99).toList());
                long bad = rounds.stream().mapToLong(r -> r.lost() + r.reordered()).sum();
                System.out.printf("%-30s %11.1f ms %7.0f ms %16d %8s%n", "live rooms, " + servers, p99, target, bad,
                        p99 <= target && bad == 0 ? "met" : "MISSED");
            }
        });
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static final class Client implements WebSocket.Listener {
        final String room;
        final String id;
        WebSocket socket;
        volatile long measureFrom = Long.MAX_VALUE;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        private long[] lat = new long[1024];
        private int n;
        private final List<Long> sentAt = new ArrayList<>();
        private final AtomicLong ops = new AtomicLong();
        long lastSeq = -1;
        long gaps;
        long reordered;
        long receivedInWindow;

        Client(String room, String id) {
            this.room = room;
            this.id = id;
        }

        void cursor() {
            send("{\"v\":1,\"op\":\"cursor\",\"x\":" + ThreadLocalRandom.current().nextInt(512) + ",\"y\":"
                    + ThreadLocalRandom.current().nextInt(512) + ",\"sopInstanceUid\":\"" + SOP + "\"}");
        }

        void annotate() {
            long now = System.nanoTime();
            synchronized (sentAt) {
                sentAt.add(now);
            }
            send("{\"v\":1,\"op\":\"annotation.create\",\"opId\":\"" + id + "-" + ops.incrementAndGet()
                    + "\",\"annotation\":{\"kind\":\"point\",\"ref\":{\"sopInstanceUid\":\"" + SOP
                    + "\"},\"points\":[[10,20]],\"label\":\"" + now + "\"}}");
        }

        long sentInWindow(long from, long until) {
            synchronized (sentAt) {
                return sentAt.stream().filter(t -> t >= from && t < until).count();
            }
        }

        private synchronized void send(String text) {
            sending = sending.thenCompose(v -> socket.sendText(text, true)).exceptionally(e -> null);
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(lat, n);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (last && partial.isEmpty()) {
                // most frames are cursor batches, read by no one: copy only those the client looks into
                if (measured(data)) {
                    frame(data.toString(), now);
                }
            } else {
                partial.append(data);
                if (last) {
                    frame(partial.toString(), now);
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }

        private static boolean measured(CharSequence f) {
            return startsWith(f, "{\"v\":1,\"type\":\"event\"") || startsWith(f, "{\"v\":1,\"type\":\"welcome\"")
                    || startsWith(f, "{\"v\":1,\"op\":\"annotation.create\"");
        }

        private static boolean startsWith(CharSequence s, String prefix) {
            if (s.length() < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (s.charAt(i) != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void frame(String f, long now) {
            boolean event = f.startsWith("{\"v\":1,\"type\":\"event\"");
            boolean bareAnnotation = f.startsWith("{\"v\":1,\"op\":\"annotation.create\"");
            if (event) {
                long seq = number(f, "\"seq\":");
                if (lastSeq >= 0 && seq <= lastSeq) {
                    reordered++;
                } else {
                    if (lastSeq >= 0 && seq > lastSeq + 1) {
                        gaps += seq - lastSeq - 1;
                    }
                    lastSeq = seq;
                }
            } else if (f.startsWith("{\"v\":1,\"type\":\"welcome\"")) {
                lastSeq = number(f, "\"seq\":");
            }
            if ((event && f.contains("\"annotation.created\"")) || bareAnnotation) {
                // stored events come back as PostgreSQL jsonb text ("label": "..."), relayed ones as sent
                int at = f.indexOf('"', f.indexOf("\"label\":") + 8) + 1;
                long sent = Long.parseLong(f.substring(at, f.indexOf('"', at)));
                if (sent >= measureFrom) {
                    synchronized (this) {
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = now - sent;
                        receivedInWindow++;
                    }
                }
            }
        }

        private static long number(String f, String key) {
            int at = f.indexOf(key) + key.length();
            int end = at;
            while (end < f.length() && Character.isDigit(f.charAt(end))) {
                end++;
            }
            return Long.parseLong(f.substring(at, end));
        }
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static String issuer;

    /** A token from this run's Keycloak (Tokens.of would start the test stack instead). */
    private static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> given().formParam("grant_type", "password")
                .formParam("client_id", "consilium-cli").formParam("username", u)
                .formParam("password", Tokens.DEMO_PASSWORD).post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    private static String openRoom(URI base, Map<String, String> ids) {
        String room = given().auth().oauth2(token("cm.wang")).contentType("application/json")
                .body(Map.of("kind", "CONSULT_SESSION", "refId", UUID.randomUUID().toString(), "title", "bench"))
                .post(base.resolve("/api/live/rooms")).then().statusCode(200).extract().path("id");
        for (String u : USERS) {
            given().auth().oauth2(token("cm.wang")).contentType("application/json")
                    .body(Map.of("displayName", u, "role", "specialist"))
                    .put(base.resolve("/api/live/rooms/" + room + "/participants/" + ids.get(u))).then().statusCode(200);
        }
        return room;
    }

    private static String ticket(URI base, String user, String room) {
        return given().auth().oauth2(token(user)).contentType("application/json").body(Map.of("roomId", room))
                .post(base.resolve("/api/live/tickets")).then().statusCode(201).extract().path("socketPath");
    }

    private static Map<String, String> userIds(URI base) {
        Map<String, String> ids = new java.util.HashMap<>();
        for (String u : USERS) {
            ids.put(u, given().auth().oauth2(token(u)).get(base.resolve("/api/me")).then().statusCode(200)
                    .extract().path("id"));
        }
        return ids;
    }

    private static ServerProcess server(Stack stack, String id) throws Exception {
        Map<String, String> env = Map.of("CONSILIUM_REPLICA_ID", id, "CONSILIUM_DIMSE_PORT", Integer.toString(freePort()));
        return ServerProcess.start(stack, freePort(), "1g", env, stack.dataDir().resolve("logs/" + id + ".log"))
                .awaitReady();
    }

    private static URI base(ServerProcess server) {
        return URI.create(server.baseUrl() + "/");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The stage timers of the servers, summed. */
    private static StageHistogram stages(List<ServerProcess> servers) {
        StageHistogram sum = StageHistogram.parse("");
        for (ServerProcess server : servers) {
            sum = sum.plus(StageHistogram.parse(given().get(base(server).resolve("/q/metrics")).then().statusCode(200)
                    .extract().asString()));
        }
        return sum;
    }

    /** CPU time (user + system) each server JVM has used so far, in seconds, from /proc (USER_HZ 100). */
    private static double[] cpu(List<ServerProcess> servers) throws java.io.IOException {
        double[] out = new double[servers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cpuSeconds(java.nio.file.Files.readString(Path.of("/proc/" + servers.get(i).process().pid() + "/stat")));
        }
        return out;
    }

    /**
     * CPU time of every PostgreSQL process on the machine (the bench's own embedded one; run nothing else
     * with PostgreSQL beside it), in seconds. A backend that exits between two readings takes its time along.
     */
    private static double databaseCpu() throws java.io.IOException {
        double seconds = 0;
        try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = java.nio.file.Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("postgres")) {
                        seconds += cpuSeconds(stat);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return seconds;
    }

    /** User + system time from a {@code /proc/<pid>/stat} line, in seconds (USER_HZ 100). */
    private static double cpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private static double loadCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    private static void say(String s) {
        System.out.println(s);
    }
}
