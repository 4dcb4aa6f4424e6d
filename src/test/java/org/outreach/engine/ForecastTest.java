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

    private static Campaign campaign(Limits limits) {
        SendWindow window = new SendWindow(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0),
                LocalTime.of(17, 0), ZoneId.of("America/Chicago"));
        return new Campaign("c", "C", Path.of("campaigns/c.yaml"),
                new Sender("Ada", new EmailAddress("ada@example.org"), Optional.empty()), Path.of("c.csv"),
                List.of(new Segment("all", Map.of(), "t", Location.of("c.yaml"))), List.of(INTRO, NUDGE), limits, window,
                Optional.empty(), Map.of(), false);
    }
}
