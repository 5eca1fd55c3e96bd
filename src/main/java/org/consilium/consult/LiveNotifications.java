package org.consilium.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.consilium.live.UserChannel;
import org.jboss.logging.Logger;

/**
 * Delivers each stored notification live to the user's open sockets (any replica), once the transaction
 * that stored it has committed: a rolled-back change announces nothing, and the push never runs on the
 * consult transaction's connection. The feed stays the record: a user who is not connected reads it there,
 * and a failed push never undoes the notification.
 */
@ApplicationScoped
class LiveNotifications {

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);

    @Inject
    UserChannel channel;

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationSent sent) {
        try {
            channel.push(sent.userId(), "notification", sent.notification());
        } catch (RuntimeException e) {
            LOG.warnf("live push of a notification to %s failed: %s", sent.userId(), e.getMessage());
        }
    }
}
