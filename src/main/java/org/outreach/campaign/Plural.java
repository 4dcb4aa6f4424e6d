package org.outreach.campaign;

/** A count with its noun as people write it: "1 contact", "2 contacts", "1 reply", "3 replies". */
public final class Plural {

    private Plural() {
    }

    public static String of(long n, String singular) {
        return of(n, singular, singular.endsWith("y") && !singular.matches(".*[aeiou]y") ? singular.substring(0, singular.length() - 1) + "ies"
                : singular + "s");
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
