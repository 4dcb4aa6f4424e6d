package org.outreach.engine;

import java.util.List;
import java.util.Optional;

import org.outreach.campaign.EnrollmentState;
import org.outreach.store.Enrollments;
import org.outreach.store.Messages;
import org.outreach.store.Store;

/**
 * Where one contact of a launched campaign is in its sequence: the messages sent, the one that comes next and
 * when, or why the sequence stopped.
 *
 * @param state      active, stopped or completed
 * @param stopReason why it stopped ("replied…", "suppressed…"); null while it goes on
 */
public record Sequence(String email, String segment, EnrollmentState state, String stopReason, List<Outbox.Earlier> sent,
                       Optional<Messages.Unsent> next) {

    /** Every contact of the campaign with this key, by segment then address; empty when it is not launched. */
    public static List<Sequence> of(Store store, String campaignKey) {
        return store.campaigns().find(campaignKey).map(campaign -> store.enrollments().ofCampaign(campaign.id()).stream()
                .map(e -> of(store, e)).toList()).orElse(List.of());
    }

    private static Sequence of(Store store, Enrollments.Enrollment e) {
        return new Sequence(e.email(), e.segment(), e.state(), e.stopReason(), store.messages().sentOf(e.id()),
                e.state() == EnrollmentState.ACTIVE ? store.messages().nextOf(e.id()) : Optional.empty());
    }

    /** The step of this name, if it was sent. */
    public Optional<Outbox.Earlier> sentStep(int stepNumber) {
        return sent.stream().filter(s -> s.stepNumber() == stepNumber).findFirst();
    }
}
