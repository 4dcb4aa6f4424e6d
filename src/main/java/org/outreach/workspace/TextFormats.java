package org.outreach.workspace;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short forms people write in campaign files: {@code 4d}, {@code mon-fri}, {@code 09:00-17:00}. */
final class TextFormats {

    private static final Pattern DELAY = Pattern.compile("(\\d+)\\s*([smhdw])");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private TextFormats() {
    }

    /** {@code 30s}, {@code 15m}, {@code 2h}, {@code 4d}, {@code 1w}. */
    static Duration delay(String text) {
        Matcher m = DELAY.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a delay; write a number and a unit: 30s, 15m, 2h, 4d, 1w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> throw new IllegalStateException("bug: unit " + m.group(2));
        };
    }

    /** {@code mon-fri}, {@code mon,wed,fri}, {@code sat}, or a mix: {@code mon-wed,fri}. */
    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.strip().split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("\"" + part.strip() + "\" is not a day or a range of days like mon-fri");
            }
            DayOfWeek from = day(range[0]);
            DayOfWeek to = day(range[range.length - 1]);
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        DayOfWeek day = DAYS.get(name.strip());
        if (day == null) {
            throw new IllegalArgumentException("\"" + name.strip() + "\" is not a day; use mon, tue, wed, thu, fri, sat, sun");
        }
        return day;
    }

    /** {@code 09:00-17:00}: opens at the first time, closes at the second. */
    static LocalTime[] hours(String text) {
        String[] parts = text.split("-");
        try {
            if (parts.length == 2) {
                LocalTime opens = LocalTime.parse(parts[0].strip());
                LocalTime closes = LocalTime.parse(parts[1].strip());
                if (opens.isBefore(closes)) {
                    return new LocalTime[] {opens, closes};
                }
                throw new IllegalArgumentException("the hours \"" + text + "\" close before they open");
            }
        } catch (DateTimeParseException e) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a range of hours like 09:00-17:00");
    }
}
