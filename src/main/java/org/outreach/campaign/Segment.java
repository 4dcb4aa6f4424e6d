package org.outreach.campaign;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A named group of a campaign's contacts with its own version of every email.
 *
 * @param match     column → accepted values; a contact matches when every column holds one of its values,
 *                  compared ignoring case and surrounding blanks; an empty match takes everybody
 * @param templates folder under {@code templates/} holding one template per step
 * @param at        where the segment is defined, for problems found later
 */
public record Segment(String name, Map<String, Set<String>> match, String templates, Location at) {

    public boolean matches(Contact contact) {
        return match.entrySet().stream().allMatch(rule -> {
            String value = contact.field(rule.getKey()).map(v -> normalize(v)).orElse("");
            return rule.getValue().stream().map(Segment::normalize).anyMatch(value::equals);
        });
    }

    /** The first segment that matches wins, so the order of segments in the file matters. */
    public static java.util.Optional<Segment> of(Contact contact, List<Segment> segments) {
        return segments.stream().filter(s -> s.matches(contact)).findFirst();
    }

    private static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
