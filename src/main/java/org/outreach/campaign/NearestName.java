package org.outreach.campaign;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The name somebody most likely meant when they wrote one that is not there: {@code firstname} for
 * {@code first_name}, {@code orgnization} for {@code organization}. Used to say "did you mean …?".
 */
public final class NearestName {

    private static final int MOST_TYPOS = 2;

    private NearestName() {
    }

    /**
     * The candidate equal to {@code name} but for case, {@code _}, {@code -} and spaces; else the closest one a
     * typo or two away (fewer for short names, so that {@code id} does not suggest {@code kind}); else empty.
     */
    public static Optional<String> of(String name, Collection<String> candidates) {
        String plain = plain(name);
        Optional<String> same = candidates.stream().filter(c -> plain(c).equals(plain)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        int allowed = Math.min(MOST_TYPOS, plain.length() / 3);
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : candidates) {
            int distance = distance(plain, plain(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }

    /** Levenshtein distance: the fewest letters inserted, removed or changed to turn one into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
