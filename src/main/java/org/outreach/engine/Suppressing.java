package org.outreach.engine;

import java.time.Instant;
import java.util.Optional;

import org.outreach.store.Store;

/**
 * Putting an address on the do-not-contact list, whatever the cause (by hand, a bounce, a complaint, an
 * unsubscribe request): every sequence it is in stops and its messages not yet handed to a server are cancelled.
 */
final class Suppressing {

    private Suppressing() {
    }

    /**
     * @return how many messages were cancelled; 0 also when the address was suppressed already
     */
    static int suppress(Store store, String emailKey, Optional<Long> contactId, String source, String reason, Instant now) {
        if (store.suppressions().find(emailKey).isPresent()) {
            return 0;
        }
        store.suppressions().insert(emailKey, source, reason, now);
        if (contactId.isEmpty()) {
            return 0;
        }
        String why = source + (reason == null ? "" : ": " + reason);
        store.enrollments().stopAll(contactId.get(), why, now);
        store.history().record(contactId.get(), null, null, now, "suppressed", why);
        return store.messages().cancelUnsent(contactId.get(), why, now);
    }
}
