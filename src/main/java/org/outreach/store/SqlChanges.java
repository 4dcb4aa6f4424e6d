package org.outreach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.MessageState;
import org.outreach.engine.Outbox;
import org.outreach.engine.OutboxMessage;

/**
 * The moves of sending on a SQL database, inside the transaction of {@code handle}. Each guarded update names
 * the states it may move from ({@link MessageState#movingTo}); one that must move its row and finds it in another
 * state throws before any history of it is written.
 */
final class SqlChanges implements Outbox.Changes {

    private final Handle handle;

    SqlChanges(Handle handle) {
        this.handle = handle;
    }

    @Override
    public boolean claim(OutboxMessage message, String messageId, String subject, Instant now) {
        // Unlike the other moves, finding the row changed is expected here: the message was picked in an earlier
        // transaction, and a reply, a suppression or a pause may have come first. So it is a result, not a bug.
        return handle.createUpdate("""
                        update messages
                        set state = :to, message_id = :messageId, subject = :subject, claimed_at = :now,
                            attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, :now), updated_at = :now
                        where id = :id and state in (<from>) and due_at <= :now
                          and exists (select 1 from enrollments e where e.id = messages.enrollment_id and e.state = 'active')
                          and exists (select 1 from campaigns c where c.id = messages.campaign_id and c.state = 'active')
                          and not exists (select 1 from suppressions s join contacts ct on ct.email_key = s.email_key
                                          where ct.id = messages.contact_id)
                        """)
                .bind("id", message.id()).bind("messageId", messageId).bind("subject", subject).bind("now", now)
                .bind("to", MessageState.SENDING).bindList("from", MessageState.movingTo(MessageState.SENDING))
                .execute() == 1;
    }

    @Override
    public void markSent(OutboxMessage message, String reply, Instant sentAt) {
        move(message.id(), MessageState.SENT, handle.createUpdate("""
                        update messages set state = :to, sent_at = :now, server_reply = :reply, last_error = null,
                                            updated_at = :now
                        where id = :id and state in (<from>)
                        """)
                .bind("reply", reply).bind("now", sentAt));
    }

    @Override
    public void markRetrying(OutboxMessage message, Instant again, String error, Instant now) {
        move(message.id(), MessageState.RETRYING, handle.createUpdate("""
                        update messages set state = :to, due_at = :due, last_error = :error, updated_at = :now
                        where id = :id and state in (<from>)
                        """)
                .bind("due", again).bind("error", error).bind("now", now));
    }

    @Override
    public void markFailed(OutboxMessage message, String error, Instant now) {
        move(message.id(), MessageState.FAILED, end(error, now));
    }

    @Override
    public boolean failUnsent(OutboxMessage message, String error, Instant now) {
        List<MessageState> unsent = MessageState.movingTo(MessageState.FAILED).stream().filter(MessageState::isUnsent).toList();
        return end(error, now).bind("id", message.id()).bind("to", MessageState.FAILED).bindList("from", unsent)
                .execute() == 1;
    }

    @Override
    public void markUnknown(OutboxMessage message, String why, Instant now) {
        move(message.id(), MessageState.UNKNOWN, end(why, now));
    }

    private org.jdbi.v3.core.statement.Update end(String error, Instant now) {
        return handle.createUpdate("""
                        update messages set state = :to, last_error = :error, updated_at = :now
                        where id = :id and state in (<from>)
                        """)
                .bind("error", error).bind("now", now);
    }

    /** Runs a guarded update of message {@code id} to {@code to}, which must move exactly that row. */
    private void move(long id, MessageState to, org.jdbi.v3.core.statement.Update update) {
        int rows = update.bind("id", id).bind("to", to).bindList("from", MessageState.movingTo(to)).execute();
        Transitions.require(rows, "message", id, to, () -> handle.createQuery("select state from messages where id = :id")
                .bind("id", id).mapTo(MessageState.class).findOne());
    }

    @Override
    public boolean isActive(long enrollmentId) {
        return handle.createQuery("select count(*) from enrollments where id = :id and state = 'active'")
                .bind("id", enrollmentId).mapTo(int.class).one() == 1;
    }

    @Override
    public void plan(OutboxMessage after, String step, int stepNumber, Instant due, Instant now) {
        handle.createUpdate(Messages.PLAN)
                .bind("campaign", after.campaignId()).bind("contact", after.contactId())
                .bind("enrollment", after.enrollmentId()).bind("step", step).bind("number", stepNumber)
                .bind("state", MessageState.PLANNED).bind("due", due).bind("now", now).execute();
    }

    @Override
    public boolean endEnrollment(long enrollmentId, EnrollmentState to, String reason, Instant now) {
        Transitions.reachable(!EnrollmentState.movingTo(to).isEmpty(), "enrollment", enrollmentId, to);
        return handle.createUpdate("""
                        update enrollments set state = :to, stop_reason = :reason, updated_at = :now
                        where id = :id and state in (<from>)
                        """)
                .bind("id", enrollmentId).bind("to", to).bind("reason", reason).bind("now", now)
                .bindList("from", EnrollmentState.movingTo(to)).execute() == 1;
    }

    @Override
    public int cancelUnsentOfEnrollment(long enrollmentId, String reason, Instant now) {
        return messages().cancelUnsentOfEnrollment(enrollmentId, reason, now);
    }

    @Override
    public void history(OutboxMessage message, Instant at, String event, String detail) {
        record(message.contactId(), message.campaignId(), message.id(), at, event, detail);
    }

    private void record(long contactId, Long campaignId, Long messageId, Instant at, String event, String detail) {
        handle.createUpdate(History.RECORD)
                .bind("contact", contactId).bind("campaign", campaignId).bind("message", messageId).bind("at", at)
                .bind("event", event).bind("detail", detail).execute();
    }

    @Override
    public int suppress(String emailKey, Optional<Long> contactId, String source, String reason, Instant now) {
        Suppressions suppressions = handle.attach(Suppressions.class);
        if (suppressions.find(emailKey).isPresent()) {
            return 0;
        }
        suppressions.insert(emailKey, source, reason, now);
        if (contactId.isEmpty()) {
            return 0;
        }
        String why = source + (reason == null ? "" : ": " + reason);
        enrollments().stopAll(contactId.get(), why, now);
        record(contactId.get(), null, null, now, "suppressed", why);
        return messages().cancelUnsent(contactId.get(), why, now);
    }

    // Rare moves (a sequence ends, a bounce): their SQL objects are attached only when needed.

    private Enrollments enrollments() {
        return handle.attach(Enrollments.class);
    }

    private Messages messages() {
        return handle.attach(Messages.class);
    }
}
