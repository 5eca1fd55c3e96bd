package org.consilium.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Opens a socket and reports the close code the server answers with. */
public final class RawSocket {

    private RawSocket() {
    }

    public static int closeCode(URI base, String path) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                        code.complete(status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket w, Throwable error) {
                        code.complete(-1);
                    }
                }).join();
        try {
            return code.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
            throw new AssertionError("no close", e);
        }
    }
}
