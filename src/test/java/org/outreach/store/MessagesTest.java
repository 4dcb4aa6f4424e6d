package org.outreach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.Location;
import org.outreach.campaign.MessageState;
import org.outreach.engine.OutboxMessage;

/** The outbox's guarded moves, against the real schema: the claim is what makes sending exactly once. */
@ExtendWith(H2Extension.class)
class MessagesTest {

    private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

    /** The row numbers of one planned message and what it belongs to. */
    private record Planned(long campaign, long contact, long enrollment, long message) {
    }

    private static Planned plan(Store store, Instant due) {
        Contact contact = new Contact(new EmailAddress("ada@example.org"), Map.of(Contact.EMAIL, "ada@example.org"),
                Location.of("contacts.csv"));
        long contactId = store.contacts().save(contact, List.of(Contact.EMAIL), NOW);
        long campaign = store.campaigns().insert("welcome", "Welcome", "rse@example.org", "welcome.yaml", "hash", NOW);
        long enrollment = store.enrollments().insert(campaign, contactId, "everyone", NOW);
        long message = store.messages().plan(campaign, contactId, enrollment, "first", 1, due, NOW);
        return new Planned(campaign, contactId, enrollment, message);
    }

    private static boolean holds(Database database, Function<Store, Boolean> question) {
        return database.transaction(question);
    }

    /** The message as sending picks it. */
    private static OutboxMessage picked(Planned p) {
        return new OutboxMessage(p.message(), p.campaign(), p.contact(), p.enrollment(), "everyone", "first", 1,
                NOW.minusSeconds(60), 0, null);
    }

    private static boolean claim(Store store, Planned p) {
        return store.changes().claim(picked(p), "<1@example.org>", "Hello", NOW);
    }

    @Test
    void aDueMessageIsClaimedOnceAndOnlyOnce(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));

        assertTrue(holds(database, store -> claim(store, p)));
        assertFalse(holds(database, store -> claim(store, p)), "a second claim must not send it again");
        assertEquals(MessageState.SENDING, database.transaction(store -> store.messages().stateOf(p.message()).orElseThrow()));
    }

    @Test
    void aMessageNotDueYetIsNotClaimed(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.plus(Duration.ofDays(1))));

        assertFalse(holds(database, store -> claim(store, p)));
    }

    @Test
    void aMessageAReplyCancelledIsNotClaimed(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));
        // What a reply does (InboundEffects): the unsent messages are cancelled and the sequence stops.
        database.transaction(store -> {
            store.messages().cancelUnsentOfEnrollment(p.enrollment(), "replied", NOW);
            return store.changes().endEnrollment(p.enrollment(), EnrollmentState.STOPPED, "replied", NOW);
        });

        assertFalse(holds(database, store -> claim(store, p)));
        assertEquals(MessageState.CANCELLED, database.transaction(store -> store.messages().stateOf(p.message()).orElseThrow()));
    }

    @Test
    void aMessageOfAPausedCampaignOrASuppressedAddressIsNotClaimed(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));
        database.transaction(store -> {
            store.campaigns().move(p.campaign(), CampaignState.ACTIVE, CampaignState.PAUSED, NOW);
            return null;
        });
        assertFalse(holds(database, store -> claim(store, p)));

        database.transaction(store -> {
            store.campaigns().move(p.campaign(), CampaignState.PAUSED, CampaignState.ACTIVE, NOW);
            store.suppressions().insert("ada@example.org", "manual", "asked", NOW);
            return null;
        });
        assertFalse(holds(database, store -> claim(store, p)));
    }

    @Test
    void aSentMessageCannotGoBackToPlannedOrBeSentAgain(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));
        database.transaction(store -> {
            claim(store, p);
            store.changes().markSent(picked(p), "250 ok", NOW);
            return null;
        });

        assertFalse(MessageState.SENT.canMoveTo(MessageState.PLANNED));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> database.transaction(store -> {
            store.changes().markSent(picked(p), "250 again", NOW);
            return null;
        }));
        assertTrue(e.getMessage().startsWith("bug: message " + p.message() + " cannot move from sent to sent"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> database.transaction(store -> {
            store.changes().markRetrying(picked(p), NOW, "421 later", NOW);
            return null;
        }));
    }

    @Test
    void aFailedMoveWritesNothing(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));

        // planned -> unknown is not a move: only a message a server may have seen has an unknown fate.
        assertThrows(IllegalStateException.class, () -> database.transaction(store -> {
            store.history().record(p.contact(), p.campaign(), p.message(), NOW, "unknown", "must be rolled back");
            store.changes().markUnknown(picked(p), "no", NOW);
            return null;
        }));
        assertEquals(MessageState.PLANNED, database.transaction(store -> store.messages().stateOf(p.message()).orElseThrow()));
        assertTrue(holds(database, store -> store.history().of(p.contact()).isEmpty()));
    }

    @Test
    void aCancelledCampaignStaysCancelled(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));
        database.transaction(store -> {
            store.campaigns().move(p.campaign(), CampaignState.ACTIVE, CampaignState.CANCELLED, NOW);
            return null;
        });

        assertThrows(IllegalStateException.class, () -> database.transaction(store -> {
            store.campaigns().move(p.campaign(), CampaignState.CANCELLED, CampaignState.ACTIVE, NOW);
            return null;
        }));
        // A move the table allows still fails when the row is not where the caller thought it was.
        assertThrows(IllegalStateException.class, () -> database.transaction(store -> {
            store.campaigns().move(p.campaign(), CampaignState.PAUSED, CampaignState.ACTIVE, NOW);
            return null;
        }));
    }

    @Test
    void anEnrollmentEndsOnceAndTheSecondEndIsAnAnswerNotABug(Database database) {
        Planned p = database.transaction(store -> plan(store, NOW.minusSeconds(60)));

        assertTrue(holds(database, store -> store.changes().endEnrollment(p.enrollment(), EnrollmentState.STOPPED, "replied", NOW)));
        assertFalse(holds(database, store -> store.changes().endEnrollment(p.enrollment(), EnrollmentState.COMPLETED, null, NOW)));
        assertThrows(IllegalStateException.class,
                () -> database.transaction(store -> store.changes().endEnrollment(p.enrollment(), EnrollmentState.ACTIVE, null, NOW)));
    }
}
