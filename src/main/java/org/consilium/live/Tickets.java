package org.consilium.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One-time socket tickets. Browsers cannot set an Authorization header on a WebSocket, so a signed-in
 * client trades its bearer token for a ticket over REST and presents it once in the socket URL. Only the
 * ticket's SHA-256 is stored; redeeming marks it used in the same statement, so a ticket opens one socket
 * on whichever replica it reaches, and a ticket seen in a log is already spent or expires in seconds.
 */
@ApplicationScoped
public class Tickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource dataSource;
    @Inject
    LiveConfig config;

    /** Who a ticket was issued to, and for which room (null: the user's own channel). */
    public record Holder(String userId, String username, String displayName, UUID hospitalId, UUID roomId) {
    }

    /** An issued ticket. */
    public record Issued(String ticket, Instant expiresAt) {
    }

    public Issued issue(Holder holder) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now().plus(config.ticketTtl());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into live_ticket (hash, user_id, username, display_name, hospital_id, room_id, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(ticket));
            ps.setString(2, holder.userId());
            ps.setString(3, holder.username());
            ps.setString(4, holder.displayName());
            ps.setObject(5, holder.hospitalId());
            ps.setObject(6, holder.roomId());
            ps.setTimestamp(7, Timestamp.from(expires));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a live ticket", e);
        }
        return new Issued(ticket, expires);
    }

    /** Spends a ticket; empty when it is unknown, used or expired. */
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 100) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update live_ticket set used_at = now() where hash = ? and used_at is null and expires_at > now() "
                        + "returning user_id, username, display_name, hospital_id, room_id")) {
            ps.setString(1, hash(ticket));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot redeem a live ticket", e);
        }
    }

    /** Drops tickets that expired a while ago. */
    public int purge() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from live_ticket where expires_at < now() - interval '1 hour'")) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
