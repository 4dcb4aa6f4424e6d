package org.outreach.engine;

import java.time.Instant;
import java.util.Optional;

import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.MessageState;
import org.outreach.campaign.Step;

/**
 * What follows from the fate of a message, recorded in the same transaction as the fate itself, so a crash
 * can never leave a message sent without its follow-up planned, or a bounce without its suppression.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** The server has it: record it, and plan the next step {@code after} its delay (or end the sequence). */
    static void sent(Outbox.Changes changes, OutboxMessage message, LaunchedCampaign campaign, String reply,
                     Instant sentAt, Instant now) {
        changes.markSent(message, reply, sentAt);
        history(changes, message, now, MessageState.SENT, reply);
        Optional<Step> next = campaign.campaign().step(message.step()).flatMap(s -> campaign.campaign().stepAfter(s));
        if (!changes.isActive(message.enrollmentId())) {
            return; // stopped meanwhile (a reply, a suppression): nothing follows
        }
        if (next.isPresent()) {
            changes.plan(message, next.get().name(), next.get().number(), sentAt.plus(next.get().after()), now);
        } else if (changes.endEnrollment(message.enrollmentId(), EnrollmentState.COMPLETED, null, now)) {
            history(changes, message, now, EnrollmentState.COMPLETED.toString(), "the last step was sent");
        }
    }

    /** The message will not go out: record why, and stop this contact's sequence in this campaign. */
    static void failed(Outbox.Changes changes, OutboxMessage message, String why, Instant now) {
        changes.markFailed(message, why, now);
        failedFollowUp(changes, message, why, now);
    }

    /**
     * Like {@link #failed} for a message no server has seen (it cannot be rendered); false, and nothing
     * recorded, when a reply, a suppression or a cancel ended it since it was picked.
     */
    static boolean failedUnsent(Outbox.Changes changes, OutboxMessage message, String why, Instant now) {
        if (!changes.failUnsent(message, why, now)) {
            return false;
        }
        failedFollowUp(changes, message, why, now);
        return true;
    }

    private static void failedFollowUp(Outbox.Changes changes, OutboxMessage message, String why, Instant now) {
        history(changes, message, now, MessageState.FAILED, why);
        stopSequence(changes, message, "failed: " + why, now);
    }

    /** The address does not exist: it is suppressed and every sequence it is in stops. */
    static void bounced(Outbox.Changes changes, OutboxMessage message, String email, String reply, Instant now) {
        changes.markFailed(message, reply, now);
        history(changes, message, now, "bounced", reply);
        changes.suppress(email, Optional.of(message.contactId()), "bounce", reply, now);
    }

    static void stopSequence(Outbox.Changes changes, OutboxMessage message, String why, Instant now) {
        changes.cancelUnsentOfEnrollment(message.enrollmentId(), why, now);
        changes.endEnrollment(message.enrollmentId(), EnrollmentState.STOPPED, why, now);
    }

    /** The move of a message to {@code state}, in its history: the event is the state's name. */
    static void history(Outbox.Changes changes, OutboxMessage message, Instant now, MessageState state, String detail) {
        history(changes, message, now, state.toString(), detail);
    }

    static void history(Outbox.Changes changes, OutboxMessage message, Instant now, String event, String detail) {
        changes.history(message, now, event, detail);
    }
}
