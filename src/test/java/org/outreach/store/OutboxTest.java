package org.outreach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Location;
import org.outreach.campaign.MessageState;
import org.outreach.engine.Outbox;
import org.outreach.engine.OutboxMessage;

/** The outbox the engine declares, on the real schema: what sending reads, and its one commit per message. */
@ExtendWith(H2Extension.class)
class OutboxTest {

    private static final Instant NOW = Instant.parse("2030-03-04T09:00:00Z");

    /** Plans one message, due a minute ago, to {@code email} in campaign {@code key} of sender rse@example.org. */
    private static long plan(Store store, String key, String email, int minutesAgo) {
        Contact contact = new Contact(new EmailAddress(email), Map.of(Contact.EMAIL, email, "first_name", "Ada"),
                Location.of("contacts.csv"));
        long contactId = store.contacts().save(contact, List.of(Contact.EMAIL, "first_name"), NOW);
        long campaign = store.campaigns().find(key).map(Campaigns.Launched::id)
                .orElseGet(() -> store.campaigns().insert(key, key, "rse@example.org", key + ".yaml", "hash", NOW));
        long enrollment = store.enrollments().insert(campaign, contactId, "everyone", NOW);
        store.enrollments().keepAsLaunched(enrollment, contact);
        return store.messages().plan(campaign, contactId, enrollment, "intro", 1, NOW.minusSeconds(60L * minutesAgo), NOW);
    }

    private static List<Long> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    @Test
    void due_messages_come_oldest_first_in_batches_without_the_campaigns_that_wait_or_cannot_send(Database database) {
        long oldest = database.transaction(store -> plan(store, "spring", "a@example.org", 30));
        long middle = database.transaction(store -> plan(store, "spring", "b@example.org", 20));
        long newest = database.transaction(store -> plan(store, "autumn", "c@example.org", 10));
        long suppressed = database.transaction(store -> plan(store, "spring", "d@example.org", 40));
        database.transaction(store -> {
            store.suppressions().insert("d@example.org", "manual", "asked", NOW);
            return null;
        });
        Outbox outbox = database.outbox();

        assertThat(ids(outbox.due("rse@example.org", NOW, Set.of(), 10))).containsExactly(oldest, middle, newest);
        assertThat(ids(outbox.due("rse@example.org", NOW, Set.of(), 2))).containsExactly(oldest, middle);
        long autumn = database.transaction(store -> store.campaigns().find("autumn").orElseThrow().id());
        assertThat(ids(outbox.due("rse@example.org", NOW, Set.of(autumn), 10))).containsExactly(oldest, middle);
        assertThat(outbox.due("other@example.org", NOW, Set.of(), 10)).isEmpty();
        database.transaction(store -> {
            store.campaigns().move(autumn, CampaignState.ACTIVE, CampaignState.PAUSED, NOW);
            return null;
        });
        assertThat(ids(outbox.due("rse@example.org", NOW, Set.of(), 10))).containsExactly(oldest, middle)
                .doesNotContain(suppressed);
    }

    @Test
    void the_addressee_is_the_contact_as_launched(Database database) {
        database.transaction(store -> plan(store, "spring", "a@example.org", 1));
        Outbox outbox = database.outbox();
        OutboxMessage message = outbox.due("rse@example.org", NOW, Set.of(), 1).get(0);

        Outbox.Addressee to = outbox.addressee(message);

        assertThat(to.contact().email().value()).isEqualTo("a@example.org");
        assertThat(to.contact().fields()).containsEntry("first_name", "Ada");
        assertThat(to.earlier()).isEmpty();
    }

    @Test
    void one_commit_records_the_last_outcome_and_claims_the_next_or_neither(Database database) {
        database.transaction(store -> plan(store, "spring", "a@example.org", 2));
        database.transaction(store -> plan(store, "spring", "b@example.org", 1));
        Outbox outbox = database.outbox();
        List<OutboxMessage> due = outbox.due("rse@example.org", NOW, Set.of(), 10);
        OutboxMessage first = due.get(0);
        OutboxMessage second = due.get(1);
        assertThat((boolean) outbox.durably(changes -> changes.claim(first, "<1@example.org>", "Hello", NOW))).isTrue();

        // The first message's outcome recorded twice is a bug: the claim of the second in the same commit is undone.
        assertThatThrownBy(() -> outbox.durably(changes -> {
            changes.markSent(first, "250 ok", NOW);
            changes.claim(second, "<2@example.org>", "Hello", NOW);
            changes.markSent(first, "250 again", NOW);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot move from sent to sent");
        assertThat(states(database, first, second)).containsExactly(MessageState.SENDING, MessageState.PLANNED);
        assertThat(outbox.interrupted()).extracting(OutboxMessage::id).containsExactly(first.id());

        boolean claimed = outbox.durably(changes -> {
            changes.markSent(first, "250 ok", NOW);
            return changes.claim(second, "<2@example.org>", "Hello", NOW);
        });

        assertThat(claimed).isTrue();
        assertThat(states(database, first, second)).containsExactly(MessageState.SENT, MessageState.SENDING);
        assertThat((boolean) outbox.durably(changes -> changes.claim(second, "<3@example.org>", "Hello", NOW)))
                .as("a claimed message is claimed once").isFalse();
        assertThat(outbox.sentSince("rse@example.org", NOW.minusSeconds(1))).containsExactly(NOW);
    }

    private static List<MessageState> states(Database database, OutboxMessage... messages) {
        return database.transaction(store -> java.util.Arrays.stream(messages)
                .map(m -> store.messages().stateOf(m.id()).orElseThrow()).toList());
    }
}
