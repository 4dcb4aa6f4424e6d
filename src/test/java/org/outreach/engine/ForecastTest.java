package org.outreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Limits;
import org.outreach.campaign.Location;
import org.outreach.campaign.Segment;
import org.outreach.campaign.SendWindow;
import org.outreach.campaign.Sender;
import org.outreach.campaign.Step;

class ForecastTest {

    private static final Step INTRO = new Step("intro", 1, Duration.ZERO);
    private static final Step NUDGE = new Step("nudge", 2, Duration.ofDays(4));
    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T15:00:00Z");

    @Test
    void follow_ups_queue_their_delay_after_each_send_and_share_the_limits() {
        Campaign campaign = campaign(new Limits(20, 10, Duration.ZERO));
        List<Forecast.Pending> thirty = Collections.nCopies(30, new Forecast.Pending(INTRO, MONDAY_9));

        List<Forecast.StepForecast> forecast = Forecast.of(campaign, campaign.limits(), thirty, List.of());

        // 10 an hour, 20 a day: Monday 09:00 and 10:00, then Tuesday 09:00 for the last ten.
        assertThat(forecast.get(0)).isEqualTo(new Forecast.StepForecast(INTRO, 30, MONDAY_9, Instant.parse("2026-12-01T15:00:00Z")));
        // Four days after Monday is Friday (20 of them), after Tuesday is Saturday: they wait for Monday.
        assertThat(forecast.get(1)).isEqualTo(new Forecast.StepForecast(NUDGE, 30, Instant.parse("2026-12-04T15:00:00Z"),
                Instant.parse("2026-12-07T15:00:00Z")));
    }

    @Test
    void nothing_pending_forecasts_nothing() {
        assertThat(Forecast.of(campaign(Limits.defaults()), Limits.defaults(), List.of(), List.of())).isEmpty();
    }

    @Test
    void a_run_of_messages_due_together_forecasts_as_that_many_single_ones() {
        Campaign campaign = campaign(new Limits(20, 10, Duration.ofMinutes(3)));

        assertThat(Forecast.of(campaign, campaign.limits(), List.of(new Forecast.Pending(INTRO, MONDAY_9, 30)), List.of()))
                .isEqualTo(Forecast.of(campaign, campaign.limits(), Collections.nCopies(30, new Forecast.Pending(INTRO, MONDAY_9)),
                        List.of()));
    }

    /**
     * The forecast keeps no object per message; it must still agree with the plain way of working it out, every
     * message in one priority queue, including who goes first of messages due at the same time.
     */
    @Test
    void it_agrees_with_a_priority_queue_of_every_message() {
        Step lastCall = new Step("last-call", 3, Duration.ofDays(7));
        Campaign campaign = campaign(new Limits(40, 10, Duration.ofMinutes(3)), List.of(INTRO, NUDGE, lastCall));
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20; round++) {
            // A relaunched campaign's unsent messages: steps mixed, many due at the same moments, in due order.
            List<Forecast.Pending> pending = new java.util.ArrayList<>();
            Instant due = MONDAY_9.minus(Duration.ofDays(3));
            for (int i = 0; i < 300; i++) {
                due = due.plus(Duration.ofMinutes(random.nextInt(3) * 20L));
                pending.add(new Forecast.Pending(campaign.steps().get(random.nextInt(3)), due));
            }
            List<Instant> earlier = List.of(MONDAY_9.minus(Duration.ofHours(1)));

            assertThat(Forecast.of(campaign, campaign.limits(), pending, earlier))
                    .isEqualTo(everyMessageQueued(campaign, pending, earlier));
        }
    }

    /** The forecast as it was first written: every message and follow-up an object in one priority queue. */
    private static List<Forecast.StepForecast> everyMessageQueued(Campaign campaign, List<Forecast.Pending> pending,
                                                                  List<Instant> earlier) {
        record Queued(Step step, Instant due, long order) {
        }
        Pacer pacer = new Pacer(campaign.limits(), campaign.window(), earlier);
        java.util.PriorityQueue<Queued> queue = new java.util.PriorityQueue<>(
                java.util.Comparator.comparing(Queued::due).thenComparingLong(Queued::order));
        long order = 0;
        for (Forecast.Pending p : pending) {
            queue.add(new Queued(p.step(), p.due(), order++));
        }
        Map<Step, Forecast.StepForecast> byStep = new java.util.LinkedHashMap<>();
        while (!queue.isEmpty()) {
            Queued next = queue.poll();
            Instant at = pacer.next(next.due());
            byStep.merge(next.step(), new Forecast.StepForecast(next.step(), 1, at, at),
                    (a, b) -> new Forecast.StepForecast(a.step(), a.messages() + 1, a.first(), b.last()));
            Optional<Step> following = campaign.stepAfter(next.step());
            if (following.isPresent()) {
                queue.add(new Queued(following.get(), at.plus(following.get().after()), order++));
            }
        }
        return campaign.steps().stream().filter(byStep::containsKey).map(byStep::get).toList();
    }

    private static Campaign campaign(Limits limits) {
        return campaign(limits, List.of(INTRO, NUDGE));
    }

    private static Campaign campaign(Limits limits, List<Step> steps) {
        SendWindow window = new SendWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), ZoneId.of("America/Chicago"));
        return new Campaign("c", "C", Path.of("campaigns/c.yaml"),
                new Sender("Ada", new EmailAddress("ada@example.org"), Optional.empty()), Path.of("c.csv"),
                List.of(new Segment("all", Map.of(), "t", Location.of("c.yaml"))), steps, limits, window,
                Optional.empty(), Map.of(), false);
    }
}
