package org.outreach.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class TextFormatsTest {

    @Test
    void delays_have_a_number_and_a_unit() {
        assertThat(TextFormats.delay("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(TextFormats.delay("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(TextFormats.delay("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(TextFormats.delay("4d")).isEqualTo(Duration.ofDays(4));
        assertThat(TextFormats.delay("1w")).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> TextFormats.delay("4 days")).hasMessageContaining("\"4 days\" is not a delay");
    }

    @Test
    void days_are_ranges_lists_or_both_and_ranges_may_wrap_over_the_weekend() {
        assertThat(TextFormats.days("mon-fri")).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(TextFormats.days("Mon, wed,fri")).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(TextFormats.days("sat-mon")).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThatThrownBy(() -> TextFormats.days("mon-fry")).hasMessageContaining("\"fry\" is not a day");
    }

    @Test
    void hours_open_before_they_close() {
        assertThat(TextFormats.hours("09:00-17:30")).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 30));
        assertThatThrownBy(() -> TextFormats.hours("17:00-09:00")).hasMessageContaining("close before they open");
        assertThatThrownBy(() -> TextFormats.hours("9am-5pm")).hasMessageContaining("not a range of hours");
    }

    @Test
    void hours_may_be_written_as_people_type_them_or_as_status_prints_them() {
        assertThat(TextFormats.hours("9:00-17:00")).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(TextFormats.hours("9 - 17")).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThat(TextFormats.hours("09:00\u201317:00")).containsExactly(LocalTime.of(9, 0), LocalTime.of(17, 0));
        assertThatThrownBy(() -> TextFormats.hours("9-25")).hasMessageContaining("not a range of hours");
        assertThatThrownBy(() -> TextFormats.hours("9:75-17")).hasMessageContaining("not a range of hours");
    }
}
