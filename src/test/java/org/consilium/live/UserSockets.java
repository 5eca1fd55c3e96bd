package org.consilium.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** A user's own live socket ({@code /api/live/me/socket}) for tests outside this package. */
public final class UserSockets {

    private UserSockets() {
    }

    /** Opens the user's socket and waits for its welcome. */
    public static Client connect(URI base, String username) {
        LiveClient c = LiveClient.join(base, username, null, null);
        c.await("welcome");
        return new Client(c);
    }

    public static final class Client implements AutoCloseable {
        private final LiveClient client;

        private Client(LiveClient client) {
            this.client = client;
        }

        /** The next push frame, within 20 s. */
        public JsonNode awaitPush() {
            return client.await("push");
        }

        /** The close code the server ended the socket with, within 20 s. */
        public int awaitClose() {
            return client.awaitClose();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
