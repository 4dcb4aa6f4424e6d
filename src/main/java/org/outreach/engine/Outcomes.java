package org.outreach.engine;

import java.time.Instant;
import java.util.Optional;

import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.MessageState;
import org.outreach.campaign.Step;
import org.outreach.store.Messages;
import org.outreach.store.Store;

/**
 * What follows from the fate of a message, recorded in the same transaction as the fate itself, so a crash
 * can never leave a message sent without its follow-up planned, or a bounce without its suppression.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** The server has it: record it, and plan the next step {@code after} its delay (or end the sequence). */
    static void sent(Store store, Messages.Due message, LaunchedCampaign campaign, String reply, Instant sentAt, Instant now) {
        store.messages().markSent(message.id(), reply, sentAt);
        history(store, message, now, MessageState.SENT, reply);
        Optional<Step> next = campaign.campaign().step(message.step()).flatMap(s -> campaign.campaign().stepAfter(s));
        if (!store.enrollments().isActive(message.enrollmentId())) {
            return; // stopped meanwhile (a reply, a suppression): nothing follows
        }
        if (next.isPresent()) {
            Instant due = sentAt.plus(next.get().after());
            store.messages().plan(message.campaignId(), message.contactId(), message.enrollmentId(), next.get().name(),
                    next.get().number(), due, now);
        } else if (store.enrollments().end(message.enrollmentId(), EnrollmentState.COMPLETED, null, now)) {
            history(store, message, now, EnrollmentState.COMPLETED.toString(), "the last step was sent");
        }
    }

    /** The message will not go out: record why, and stop this contact's sequence in this campaign. */
    static void failed(Store store, Messages.Due message, String why, Instant now) {
        store.messages().markFailed(message.id(), why, now);
        failedFollowUp(store, message, why, now);
    }

    /**
     * Like {@link #failed} for a message no server has seen (it cannot be rendered); false, and nothing
     * recorded, when a reply, a suppression or a cancel ended it since it was picked.
     */
    static boolean failedUnsent(Store store, Messages.Due message, String why, Instant now) {
        if (!store.messages().failUnsent(message.id(), why, now)) {
            return false;
        }
        failedFollowUp(store, message, why, now);
        return true;
    }

    private static void failedFollowUp(Store store, Messages.Due message, String why, Instant now) {
        history(store, message, now, MessageState.FAILED, why);
        stopSequence(store, message, "failed: " + why, now);
    }

    /** The address does not exist: it is suppressed and every sequence it is in stops. */
    static void bounced(Store store, Messages.Due message, String email, String reply, Instant now) {
        store.messages().markFailed(message.id(), reply, now);
        history(store, message, now, "bounced", reply);
        Suppressing.suppress(store, email, Optional.of(message.contactId()), "bounce", reply, now);
    }

    static void stopSequence(Store store, Messages.Due message, String why, Instant now) {
        store.messages().cancelUnsentOfEnrollment(message.enrollmentId(), why, now);
        store.enrollments().end(message.enrollmentId(), EnrollmentState.STOPPED, why, now);
    }

    /** The move of a message to {@code state}, in its history: the event is the state's name. */
    static void history(Store store, Messages.Due message, Instant now, MessageState state, String detail) {
        history(store, message, now, state.toString(), detail);
    }

    static void history(Store store, Messages.Due message, Instant now, String event, String detail) {
        store.history().record(message.contactId(), message.campaignId(), message.id(), now, event, detail);
    }
}
