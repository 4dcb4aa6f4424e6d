package org.outreach.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.outreach.campaign.EmailAddress;
import org.outreach.inbound.Classification;
import org.outreach.inbound.Recipient;
import org.outreach.store.Contacts;
import org.outreach.store.Store;

/** What an inbound message changes, applied in the transaction that records it. */
final class InboundEffects {

    private InboundEffects() {
    }

    /**
     * @param zone the campaign's send-window time zone, in which a return date is a day
     * @return what an auto-reply's return date did to the next follow-up; empty for any other message
     */
    static Optional<FollowUpHold> apply(Store store, Classification classification, InboundMatcher.Match match,
                                        Instant now, ZoneId zone) {
        var message = match.message();
        switch (classification.kind()) {
            case REPLY -> {
                String who = match.answeredBy().map(a -> "replied (answered by " + a + ")").orElse("replied");
                Outcomes.history(store.changes(), message, now, "replied", who);
                Outcomes.stopSequence(store.changes(), message, who, now);
            }
            case AUTO_REPLY -> {
                Outcomes.history(store.changes(), message, now, "auto-reply", classification.returnDate()
                        .map(d -> "away until " + d).orElse(classification.why()));
                return classification.returnDate().map(back -> hold(store, message.enrollmentId(), back, now, zone));
            }
            case UNSUBSCRIBE, COMPLAINT -> {
                String source = classification.kind() == org.outreach.inbound.Kind.UNSUBSCRIBE ? "unsubscribe" : "complaint";
                Outcomes.history(store.changes(), message, now, source, classification.why());
                String email = store.contacts().byId(message.contactId()).email().key();
                store.changes().suppress(email, Optional.of(message.contactId()), source, classification.why(), now);
            }
            case BOUNCE -> bounce(store, classification, Optional.of(message.contactId()), now);
            case NOTICE -> { }
            default -> throw new IllegalStateException("bug: kind " + classification.kind());
        }
        return Optional.empty();
    }

    /** Holds the enrollment's next follow-up until the day after {@code back}, and says whether that moved it. */
    private static FollowUpHold hold(Store store, long enrollmentId, LocalDate back, Instant now, ZoneId zone) {
        Instant notBefore = back.plusDays(1).atStartOfDay(zone).toInstant();
        boolean moved = store.messages().holdUntil(enrollmentId, notBefore, now) > 0;
        return new FollowUpHold(back, moved ? Optional.of(notBefore) : Optional.empty(),
                moved || store.messages().nextOf(enrollmentId).isPresent(), zone);
    }

    /** A bounce we sent nothing to match with: its permanent failures still suppress known contacts. */
    static void unmatchedBounce(Store store, Classification classification, Instant now) {
        bounce(store, classification, Optional.empty(), now);
    }

    /**
     * A permanent failure suppresses the address and stops every sequence it is in; a temporary one (4.x.x,
     * "delayed") is only recorded: the mail servers are still trying.
     */
    private static void bounce(Store store, Classification classification, Optional<Long> matchedContact, Instant now) {
        for (Recipient recipient : classification.recipients()) {
            Optional<Contacts.Stored> contact = EmailAddress.parse(recipient.address()).flatMap(a -> store.contacts().find(a));
            String detail = (recipient.status().isEmpty() ? "" : recipient.status() + " ") + recipient.diagnostic();
            if (contact.isEmpty()) {
                continue;
            }
            long id = contact.get().id();
            if (recipient.permanent()) {
                store.history().record(id, null, null, now, "bounced", detail.strip());
                store.changes().suppress(contact.get().contact().email().key(), Optional.of(id), "bounce", detail.strip(), now);
            } else {
                store.history().record(id, null, null, now, "delivery delayed", detail.strip());
            }
        }
        if (classification.recipients().isEmpty() && matchedContact.isPresent() && classification.permanent()) {
            String email = store.contacts().byId(matchedContact.get()).email().key();
            store.changes().suppress(email, matchedContact, "bounce", classification.why(), now);
        }
    }

}
