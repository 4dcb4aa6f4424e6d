package org.outreach.workspace;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short forms people write in campaign files: {@code 4d}, {@code mon-fri}, {@code 09:00-17:00},
 * {@code 2027-01-12 09:00}. Each also takes the nearby forms people type without thinking, so a campaign is not
 * refused over a missing leading zero.
 */
final class TextFormats {

    private static final Pattern DELAY = Pattern.compile("(\\d+)\\s*([smhdw])");
    /** {@code 9}, {@code 09}, {@code 9:30}, {@code 09:30}: a time of day, whole hours without minutes. */
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?");
    /** A hyphen, or the en dash that {@code status} and {@code launch} print and people copy back. */
    private static final String RANGE = "\\s*[-\u2013]\\s*";
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY, "sun", DayOfWeek.SUNDAY);

    private TextFormats() {
    }

    /** {@code 30s}, {@code 15m}, {@code 2h}, {@code 4d}, {@code 1w}; a bare {@code 0} needs no unit. */
    static Duration delay(String text) {
        if (text.strip().equals("0")) {
            return Duration.ZERO;
        }
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

    /** {@code mon-fri}, {@code mon,wed,fri}, {@code sat}, or a mix: {@code mon-wed,fri}; full names too: {@code monday}. */
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
        String key = name.strip();
        // "monday" as well as "mon": full names are as natural to type
        DayOfWeek day = DAYS.get(key.length() > 3 && DAYS.containsKey(key.substring(0, 3))
                && DAYS.get(key.substring(0, 3)).name().equalsIgnoreCase(key) ? key.substring(0, 3) : key);
        if (day == null) {
            throw new IllegalArgumentException("\"" + name.strip() + "\" is not a day; use mon, tue, wed, thu, fri, sat, sun");
        }
        return day;
    }

    /** {@code 09:00-17:00}, {@code 9:00-17:30} or {@code 9-17}: opens at the first time, closes at the second. */
    static LocalTime[] hours(String text) {
        String[] parts = text.strip().split(RANGE, -1);
        if (parts.length == 2) {
            Optional<LocalTime> opens = time(parts[0]);
            Optional<LocalTime> closes = time(parts[1]);
            if (opens.isPresent() && closes.isPresent()) {
                if (opens.get().isBefore(closes.get())) {
                    return new LocalTime[] {opens.get(), closes.get()};
                }
                throw new IllegalArgumentException("the hours \"" + text + "\" close before they open");
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a range of hours like 09:00-17:00 or 9-17");
    }

    private static Optional<LocalTime> time(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return hour < 24 && minute < 60 ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
    }

    /**
     * {@code 2027-01-12T09:00}, {@code 2027-01-12 09:00} (a space, as people and YAML timestamps write it), or a
     * date alone, {@code 2027-01-12}, meaning when the window opens that day.
     */
    static LocalDateTime start(String text, LocalTime opens) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atTime(opens);
            }
            return LocalDateTime.parse(value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})\\s+", "$1T"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a date and time like 2026-12-01 09:00, or a date like 2026-12-01");
        }
    }
}
