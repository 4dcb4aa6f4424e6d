package org.outreach.inbound;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day an out-of-office message says its writer is back ("until December 10", "back on 10.12.", "de
 * retour le 10 décembre"), resolved to the first such date on or after the message was written.
 */
final class ReturnDate {

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|"
            + "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|"
            + "dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
            + "decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre";
    private static final Map<String, Month> MONTH_NAMES = Map.ofEntries(
            Map.entry("jan", Month.JANUARY), Map.entry("feb", Month.FEBRUARY), Map.entry("mar", Month.MARCH),
            Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("jun", Month.JUNE),
            Map.entry("jul", Month.JULY), Map.entry("aug", Month.AUGUST), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("oct", Month.OCTOBER), Map.entry("nov", Month.NOVEMBER), Map.entry("dec", Month.DECEMBER),
            Map.entry("januar", Month.JANUARY), Map.entry("februar", Month.FEBRUARY), Map.entry("märz", Month.MARCH),
            Map.entry("mai", Month.MAY), Map.entry("juni", Month.JUNE), Map.entry("juli", Month.JULY),
            Map.entry("oktober", Month.OCTOBER), Map.entry("dezember", Month.DECEMBER), Map.entry("janvier", Month.JANUARY),
            Map.entry("février", Month.FEBRUARY), Map.entry("fevrier", Month.FEBRUARY), Map.entry("mars", Month.MARCH),
            Map.entry("avril", Month.APRIL), Map.entry("juin", Month.JUNE), Map.entry("juillet", Month.JULY),
            Map.entry("août", Month.AUGUST), Map.entry("aout", Month.AUGUST), Map.entry("septembre", Month.SEPTEMBER),
            Map.entry("octobre", Month.OCTOBER), Map.entry("novembre", Month.NOVEMBER), Map.entry("décembre", Month.DECEMBER),
            Map.entry("decembre", Month.DECEMBER), Map.entry("enero", Month.JANUARY), Map.entry("febrero", Month.FEBRUARY),
            Map.entry("marzo", Month.MARCH), Map.entry("abril", Month.APRIL), Map.entry("mayo", Month.MAY),
            Map.entry("junio", Month.JUNE), Map.entry("julio", Month.JULY), Map.entry("agosto", Month.AUGUST),
            Map.entry("septiembre", Month.SEPTEMBER), Map.entry("octubre", Month.OCTOBER), Map.entry("noviembre", Month.NOVEMBER),
            Map.entry("diciembre", Month.DECEMBER));
    /** The words that announce the date. */
    private static final String UNTIL = "(?:until|till|til|through|thru|back on|back in the office on|return(?:ing)? on|"
            + "returning|return|back|bis zum|bis|zurück am|ab dem|ab|jusqu'au|jusqu’au|de retour le|retour le|hasta el|"
            + "hasta|de vuelta el|fino al|tot en met|tot)";
    private static final Pattern NAMED = Pattern.compile("(?iu)" + UNTIL + "\\s+(?:\\w+day,?\\s+|\\w+tag,?\\s+)?"
            + "(?:(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?(" + MONTHS + ")\\.?|(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?)"
            + "(?:,?\\s+(\\d{4}))?");
    private static final Pattern NUMERIC = Pattern.compile("(?iu)" + UNTIL + "\\s+(?:\\w+day,?\\s+|\\w+tag,?\\s+)?"
            + "(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})([./])(\\d{1,2})(?:[./](\\d{2,4}))?)");

    private ReturnDate() {
    }

    static Optional<LocalDate> in(String text, LocalDate written) {
        Matcher named = NAMED.matcher(text);
        if (named.find()) {
            int day = Integer.parseInt(named.group(1) != null ? named.group(1) : named.group(4));
            Month month = month(named.group(2) != null ? named.group(2) : named.group(3));
            return date(named.group(5), month.getValue(), day, written);
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            if (numeric.group(1) != null) {
                return date(numeric.group(1), Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(3)), written);
            }
            int a = Integer.parseInt(numeric.group(4));
            int b = Integer.parseInt(numeric.group(6));
            // 10.12. is day.month in Europe; 12/10 is month/day in the US unless the first number cannot be a month.
            boolean dayFirst = numeric.group(5).equals(".") || a > 12;
            return date(numeric.group(7), dayFirst ? b : a, dayFirst ? a : b, written);
        }
        return Optional.empty();
    }

    private static Month month(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Month month = MONTH_NAMES.get(key);
        return month != null ? month : MONTH_NAMES.get(key.substring(0, 3));
    }

    private static Optional<LocalDate> date(String year, int month, int day, LocalDate written) {
        try {
            if (year != null) {
                int y = Integer.parseInt(year);
                return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
            }
            LocalDate date = LocalDate.of(written.getYear(), month, day);
            return Optional.of(date.isBefore(written) ? date.plusYears(1) : date);
        } catch (DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
