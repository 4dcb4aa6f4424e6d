package org.outreach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outreach.campaign.Limits;
import org.outreach.campaign.SendWindow;

class PacerTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final SendWindow WEEKDAYS = new SendWindow(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), CHICAGO);

    @Test
    void a_send_due_at_night_waits_for_the_window_to_open() {
        Pacer pacer = new Pacer(new Limits(100, 100, Duration.ZERO), WEEKDAYS, List.of());

        // Tuesday 1 December 2026, 03:00 in Chicago
        assertThat(pacer.next(Instant.parse("2026-12-01T09:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    }

    @Test
    void a_send_due_on_friday_evening_waits_for_monday_morning() {
        Pacer pacer = new Pacer(new Limits(100, 100, Duration.ZERO), WEEKDAYS, List.of());

        // Friday 4 December 2026, 17:30 in Chicago → Monday 7 December 09:00
        assertThat(pacer.next(Instant.parse("2026-12-04T23:30:00Z"))).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
    }

    @Test
    void the_hourly_cap_moves_the_rest_to_the_next_hour_and_the_daily_cap_to_the_next_day() {
        Pacer pacer = new Pacer(new Limits(5, 2, Duration.ZERO), WEEKDAYS, List.of());
        Instant monday9 = Instant.parse("2026-11-30T15:00:00Z");

        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            times.add(pacer.next(monday9));
        }

        assertThat(times).containsExactly(monday9, monday9, monday9.plusSeconds(3600), monday9.plusSeconds(3600),
                monday9.plusSeconds(7200), Instant.parse("2026-12-01T15:00:00Z"), Instant.parse("2026-12-01T15:00:00Z"));
    }

    @Test
    void sends_already_made_count_against_the_limits() {
        Instant monday9 = Instant.parse("2026-11-30T15:00:00Z");
        Pacer pacer = new Pacer(new Limits(100, 2, Duration.ZERO), WEEKDAYS, List.of(monday9, monday9.plusSeconds(60)));

        assertThat(pacer.next(monday9.plusSeconds(120))).isEqualTo(monday9.plusSeconds(3600));
    }

    @Test
    void the_minimum_gap_spaces_sends_out() {
        Pacer pacer = new Pacer(new Limits(100, 100, Duration.ofMinutes(3)), WEEKDAYS, List.of());
        Instant monday9 = Instant.parse("2026-11-30T15:00:00Z");

        assertThat(List.of(pacer.next(monday9), pacer.next(monday9), pacer.next(monday9)))
                .containsExactly(monday9, monday9.plusSeconds(180), monday9.plusSeconds(360));
    }

    @Test
    void the_window_follows_the_wall_clock_across_a_daylight_saving_change() {
        Pacer pacer = new Pacer(new Limits(100, 100, Duration.ZERO), WEEKDAYS, List.of());

        // Before the change (Friday 6 March 2026) 09:00 CST is 15:00 UTC; after it (Monday 9 March) 09:00 CDT is 14:00 UTC.
        assertThat(pacer.next(Instant.parse("2026-03-06T23:30:00Z"))).isEqualTo(Instant.parse("2026-03-09T14:00:00Z"));
    }
}
