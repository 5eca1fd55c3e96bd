package org.consilium.consult;

/**
 * Fired after a notification is stored, inside the transaction that stored it. A live channel may observe it
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}) to push the entry to a connected user.
 */
public record NotificationSent(String userId, NotificationView notification) {
}
