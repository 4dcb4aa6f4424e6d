package org.outreach.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Step;

/**
 * When each step of a campaign would go out for the whole list under its limits and send window, supposing
 * nobody replies: each contact's next step queues at its due time, each follow-up queues its delay after the
 * send before it, and the {@link Pacer} hands out the times in order.
 *
 * <p>A campaign of a hundred thousand contacts forecasts several hundred thousand sends, so no object is kept
 * per message: the pending ones are read once, in the order they fall due, and the follow-ups wait in one
 * {@link FollowUps} queue of plain numbers per step.
 */
public final class Forecast {

    /** One step's messages: how many, the first and the last send time. */
    public record StepForecast(Step step, int messages, Instant first, Instant last) {
    }

    /** A run of {@code messages} next messages of contacts, all of one step and the earliest they may go. */
    public record Pending(Step step, Instant due, int messages) {

        /** One contact's next message. */
        public Pending(Step step, Instant due) {
            this(step, due, 1);
        }
    }

    private Forecast() {
    }

    /** @see #of(Campaign, org.outreach.campaign.Limits, Iterator, List) */
    public static List<StepForecast> of(Campaign campaign, org.outreach.campaign.Limits limits, List<Pending> pending,
                                        List<Instant> earlierSends) {
        return of(campaign, limits, pending.iterator(), earlierSends);
    }

    /**
     * @param limits  the limits the campaign's mailbox obeys ({@link MailboxLimits}), in its own window
     * @param pending the messages waiting, in the order they fall due (read once, as they are needed); of two
     *                due at the same time, the one listed first goes first
     */
    public static List<StepForecast> of(Campaign campaign, org.outreach.campaign.Limits limits, Iterator<Pending> pending,
                                        List<Instant> earlierSends) {
        Pacer pacer = new Pacer(limits, campaign.window(), earlierSends);
        Map<Step, FollowUps> followUps = new LinkedHashMap<>();
        campaign.steps().forEach(s -> followUps.put(s, new FollowUps()));
        Map<Step, StepForecast> byStep = new LinkedHashMap<>();
        campaign.steps().forEach(s -> byStep.put(s, null));
        Pending run = null;
        int leftInRun = 0;
        long followUpOrder = 0;
        while (true) {
            if (leftInRun == 0 && pending.hasNext()) {
                Pending next = pending.next();
                if (run != null && next.due().isBefore(run.due())) {
                    throw new IllegalArgumentException("bug: pending messages out of order (" + next.due() + " after "
                            + run.due() + ")");
                }
                run = next;
                leftInRun = next.messages();
                continue;
            }
            // The earliest due goes first; of equals, a pending message before any follow-up (they were queued
            // first), and follow-ups in the order they were queued.
            Step step = leftInRun > 0 ? run.step() : null;
            Instant due = leftInRun > 0 ? run.due() : null;
            FollowUps from = null;
            for (Map.Entry<Step, FollowUps> queue : followUps.entrySet()) {
                FollowUps q = queue.getValue();
                if (!q.isEmpty() && (due == null || q.headDue().isBefore(due)
                        || (from != null && q.headDue().equals(due) && q.headOrder() < from.headOrder()))) {
                    step = queue.getKey();
                    due = q.headDue();
                    from = q;
                }
            }
            if (due == null) {
                break;
            }
            if (from == null) {
                leftInRun--;
            } else {
                from.remove();
            }
            Instant at = pacer.next(due);
            Step sent = step;
            byStep.merge(sent, new StepForecast(sent, 1, at, at),
                    (a, b) -> new StepForecast(a.step(), a.messages() + 1, a.first(), b.last()));
            Optional<Step> following = campaign.stepAfter(sent);
            if (following.isPresent()) {
                followUps.get(following.get()).add(at.plus(following.get().after()), followUpOrder++);
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

    /**
     * The follow-ups of one step waiting to be sent, first queued first. Sends come out of the pacer in time
     * order, so each step's follow-ups are queued in the order they fall due: a queue, not a heap, and of
     * numbers rather than objects.
     */
    private static final class FollowUps {

        private long[] seconds = new long[64];
        private int[] nanos = new int[64];
        private long[] order = new long[64];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        Instant headDue() {
            return Instant.ofEpochSecond(seconds[head], nanos[head]);
        }

        long headOrder() {
            return order[head];
        }

        void add(Instant due, long queued) {
            if (size == seconds.length) {
                grow();
            }
            int tail = (head + size) % seconds.length;
            seconds[tail] = due.getEpochSecond();
            nanos[tail] = due.getNano();
            order[tail] = queued;
            size++;
        }

        void remove() {
            head = (head + 1) % seconds.length;
            size--;
        }

        private void grow() {
            int capacity = seconds.length * 2;
            long[] s = new long[capacity];
            int[] n = new int[capacity];
            long[] o = new long[capacity];
            for (int i = 0; i < size; i++) {
                int from = (head + i) % seconds.length;
                s[i] = seconds[from];
                n[i] = nanos[from];
                o[i] = order[from];
            }
            seconds = s;
            nanos = n;
            order = o;
            head = 0;
        }
    }
}
