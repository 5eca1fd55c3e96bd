package org.consilium.live;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.consilium.localstack.Tokens;

/** A test client of a live room: a JDK WebSocket that collects every frame it receives, in order. */
final class LiveClient implements AutoCloseable, WebSocket.Listener {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String username;
    final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final List<JsonNode> events = new ArrayList<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile boolean paused;

    private LiveClient(String username) {
        this.username = username;
    }

    /** Gets a ticket over REST as {@code username} and opens the room's socket at {@code base}. */
    static LiveClient join(URI base, String username, Object roomId, Long lastSeq) {
        String path = given().auth().oauth2(Tokens.of(username)).contentType("application/json")
                .body(roomId == null ? Map.of() : Map.of("roomId", roomId.toString()))
                .post(base.resolve("/api/live/tickets")).then().statusCode(201).extract().path("socketPath");
        LiveClient c = new LiveClient(username);
        String url = "ws://" + base.getHost() + ":" + base.getPort() + path + (lastSeq == null ? "" : "&lastSeq=" + lastSeq);
        c.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), c).join();
        return c;
    }

    void send(Map<String, ?> message) {
        sendText(write(message));
    }

    synchronized void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame matching the predicate within the timeout; frames skipped are kept in {@link #events}. */
    JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode f = inbox.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new AssertionError(username + ": no matching frame within " + timeout + "; events " + events.size());
                }
                if (match.test(f)) {
                    return f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode await(String type) {
        return await(f -> f.path("type").asText().equals(type), Duration.ofSeconds(20));
    }

    /** The ack or error answering an op id. */
    JsonNode answer(String opId) {
        return await(f -> opId.equals(f.path("opId").asText(null))
                && (f.path("type").asText().equals("ack") || f.path("type").asText().equals("error")), Duration.ofSeconds(20));
    }

    /** Waits until this client has received the event with the given seq. */
    void awaitSeq(long seq) {
        synchronized (this) {
            if (!events.isEmpty() && events.getLast().path("seq").asLong() >= seq) {
                return; // already here (an earlier await may have passed over it)
            }
        }
        await(f -> f.path("type").asText().equals("event") && f.path("seq").asLong() >= seq, Duration.ofSeconds(30));
    }

    synchronized List<JsonNode> events() {
        return List.copyOf(events);
    }

    int awaitClose() {
        try {
            return closeCode.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(username + ": socket did not close", e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode f = JSON.readTree(partial.toString());
                synchronized (this) {
                    if (f.path("type").asText().equals("event")) {
                        events.add(f);
                    }
                }
                inbox.add(f);
            } catch (Exception e) {
                inbox.add(JSON.createObjectNode().put("type", "unparseable"));
            }
            partial.setLength(0);
        }
        if (!paused) {
            ws.request(1);
        }
        return null;
    }

    /** Stops reading from the socket (the server's frames back up in TCP buffers and then its queue). */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.complete(-1);
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            }
        } catch (RuntimeException alreadyClosedByServer) {
            // the server closed first; nothing left to say
        }
        try {
            closeCode.get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            socket.abort();
        }
    }
}
