package org.outreach.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Step;

/**
 * When each step of a campaign would go out for the whole list under its limits and send window, supposing
 * nobody replies: each contact's next step queues at its due time, each follow-up queues its delay after the
 * send before it, and the {@link Pacer} hands out the times in order.
 */
public final class Forecast {

    /** One step's messages: how many, the first and the last send time. */
    public record StepForecast(Step step, int messages, Instant first, Instant last) {
    }

    /** A contact's next message and the earliest it may go. */
    public record Pending(Step step, Instant due) {
    }

    private record Queued(Step step, Instant due, long order) {
    }

    private Forecast() {
    }

    /** @param limits the limits the campaign's mailbox obeys ({@link MailboxLimits}), in its own window */
    public static List<StepForecast> of(Campaign campaign, org.outreach.campaign.Limits limits, List<Pending> pending,
                                        List<Instant> earlierSends) {
        Pacer pacer = new Pacer(limits, campaign.window(), earlierSends);
        PriorityQueue<Queued> queue = new PriorityQueue<>(
                Comparator.comparing(Queued::due).thenComparingLong(Queued::order));
        long order = 0;
        for (Pending p : pending) {
            queue.add(new Queued(p.step(), p.due(), order++));
        }
        Map<Step, StepForecast> byStep = new LinkedHashMap<>();
        campaign.steps().forEach(s -> byStep.put(s, null));
        while (!queue.isEmpty()) {
            Queued next = queue.poll();
            Instant at = pacer.next(next.due());
            byStep.merge(next.step(), new StepForecast(next.step(), 1, at, at),
                    (a, b) -> new StepForecast(a.step(), a.messages() + 1, a.first(), b.last()));
            Optional<Step> following = campaign.stepAfter(next.step());
            if (following.isPresent()) {
                queue.add(new Queued(following.get(), at.plus(following.get().after()), order++));
            }
        }
        List<StepForecast> result = new ArrayList<>();
        byStep.forEach((step, forecast) -> {
            if (forecast != null) {
                result.add(forecast);
            }
        });
        return result;
    }
}
