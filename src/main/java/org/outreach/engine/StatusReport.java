package org.outreach.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.CampaignState;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.store.Campaigns;
import org.outreach.store.Enrollments;
import org.outreach.store.Inbound;
import org.outreach.store.Messages;
import org.outreach.store.Store;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Workspace;

/**
 * Where each launched campaign stands, per segment and step. Worked out from the database (the kept copy of
 * each definition), so it shows the campaign as launched even after its files were edited; only the contacts
 * file is read, to say when it changed since launch.
 */
public final class StatusReport {

    /**
     * The counts of one segment × step. {@code planned} includes contacts whose sequence has not reached it yet;
     * replied, auto-replied, bounced and unsubscribed count the contacts whose answer was to this step's message.
     */
    public record Row(String segment, String step, int planned, int sent, int failed, int cancelled, int unknown,
                      int replied, int autoReplied, int bounced, int unsubscribed) {

        /** Replies per message sent, 0 to 1. */
        public double replyRate() {
            return sent == 0 ? 0 : (double) replied / sent;
        }
    }

    /**
     * @param unknown messages whose fate is unknown, for a person to settle with {@code outreach resolve}
     * @param contactsChanged the contacts file when it no longer holds what the campaign was launched with, or null
     */
    public record CampaignStatus(String campaign, String name, CampaignState state, Instant launchedAt, int enrolled,
                                 List<Row> rows, List<Messages.Unknown> unknown, List<Forecast.StepForecast> forecast,
                                 java.time.ZoneId zone, ContactsFileChange contactsChanged, MailboxLimits mailbox) {
    }

    private final Workspace workspace;

    public StatusReport(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every launched campaign, or only the one named (by key or definition file). */
    public List<CampaignStatus> of(Store store, Optional<String> only, Instant now) {
        List<Campaigns.Launched> launched = store.campaigns().all();
        if (only.isPresent()) {
            String key = CampaignReader.key(Path.of(only.get()));
            launched = launched.stream().filter(c -> c.campaignKey().equals(key)).toList();
            if (launched.isEmpty()) {
                none(only);
            }
        }
        return launched.stream().map(c -> status(store, c, now)).toList();
    }

    /** The answer when there is no database yet: nothing launched, and naming a campaign is a mistake. */
    public List<CampaignStatus> none(Optional<String> only) {
        only.ifPresent(name -> {
            throw CampaignControl.notLaunched(name);
        });
        return List.of();
    }

    private CampaignStatus status(Store store, Campaigns.Launched launched, Instant now) {
        Campaign campaign = definition(store, launched);
        List<Enrollments.Enrollment> enrollments = store.enrollments().ofCampaign(launched.id());
        Map<String, Long> active = enrollments.stream()
                .filter(e -> e.state() == EnrollmentState.ACTIVE)
                .collect(Collectors.groupingBy(Enrollments.Enrollment::segment, Collectors.counting()));
        List<Messages.StateCount> counts = store.messages().countByState(launched.id());
        List<Inbound.KindCount> answers = store.inbound().countByKind(launched.id());
        List<Row> rows = new ArrayList<>();
        for (Segment segment : campaign.segments()) {
            for (Step step : campaign.steps()) {
                rows.add(row(segment.name(), step.name(), counts, answers, active.getOrDefault(segment.name(), 0L).intValue()));
            }
        }
        List<Messages.Unknown> unknown = store.messages().unknown().stream()
                .filter(m -> m.campaignKey().equals(launched.campaignKey())).toList();
        MailboxLimits mailbox = MailboxLimits.forCampaign(store, workspace, launched, campaign);
        return new CampaignStatus(launched.campaignKey(), launched.name(), launched.state(), launched.launchedAt(),
                enrollments.size(), rows, unknown, forecast(store, launched, campaign, mailbox, now),
                campaign.window().zone(), ContactsFileChange.of(store, workspace, launched.id(), campaign.window().zone())
                .orElse(null), mailbox);
    }

    private static Row row(String segment, String step, List<Messages.StateCount> counts, List<Inbound.KindCount> answers,
                           int activeEnrollments) {
        int planned = 0;
        int sent = 0;
        int failed = 0;
        int cancelled = 0;
        int unknown = 0;
        int reachedByActive = 0;
        for (Messages.StateCount count : counts) {
            if (!count.segment().equals(segment) || !count.step().equals(step)) {
                continue;
            }
            if (count.enrollmentState() == EnrollmentState.ACTIVE) {
                reachedByActive += count.messages();
            }
            switch (count.state()) {
                case SENT -> sent += count.messages();
                case FAILED -> failed += count.messages();
                case CANCELLED -> cancelled += count.messages();
                case UNKNOWN -> unknown += count.messages();
                default -> planned += count.messages();
            }
        }
        // Active contacts whose sequence has not reached this step yet will get it too, unless something stops them.
        int waiting = activeEnrollments - reachedByActive;
        Map<String, Integer> answered = new java.util.HashMap<>();
        answers.stream().filter(a -> a.segment().equals(segment) && a.step().equals(step))
                .forEach(a -> answered.merge(a.kind(), a.contacts(), Integer::sum));
        return new Row(segment, step, planned + waiting, sent, failed, cancelled, unknown, answered.getOrDefault("reply", 0),
                answered.getOrDefault("auto-reply", 0), answered.getOrDefault("bounce", 0),
                answered.getOrDefault("unsubscribe", 0) + answered.getOrDefault("complaint", 0));
    }

    /** When the messages not sent yet would go out, from now, if nobody replies; nothing for a stopped campaign. */
    static List<Forecast.StepForecast> forecast(Store store, Campaigns.Launched launched, Campaign campaign,
                                                MailboxLimits mailbox, Instant now) {
        if (launched.state() != CampaignState.ACTIVE) {
            return List.of();
        }
        Messages messages = store.messages();
        List<Instant> earlierSends = messages.sentSince(launched.senderEmail(), now.minus(Pacer.lookBack()));
        // Streamed: a large campaign has a row per contact, and the forecast reads each once.
        try (java.util.stream.Stream<Messages.Unsent> unsent = messages.unsentInOrder(launched.id())) {
            java.util.Iterator<Forecast.Pending> pending = unsent
                    .flatMap(m -> campaign.step(m.step()).stream()
                            .map(step -> new Forecast.Pending(step, m.dueAt().isBefore(now) ? now : m.dueAt())))
                    .iterator();
            return Forecast.of(campaign, mailbox.limits(), pending, earlierSends);
        }
    }

    private Campaign definition(Store store, Campaigns.Launched launched) {
        return LaunchedCampaign.load(store, workspace, launched.id()).campaign();
    }
}
