package org.outreach.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problem;
import org.outreach.campaign.Problems;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.campaign.RenderException;
import org.outreach.render.StepTemplate;

/**
 * What a reviewer should look at before approving, beyond the errors validation stops at: values some contacts
 * lack (they get the template's default), subjects mail clients will cut, placeholders left in the text, links
 * that cannot work, contacts who will not be written to, and emails without a way to opt out.
 */
public final class ReviewWarnings {

    /** Beyond this, mail clients cut a subject (RFC 5322's recommended line length). */
    static final int SUBJECT_LENGTH = 78;
    private static final Pattern COLUMN = Pattern.compile("contact\\.([A-Za-z_][A-Za-z0-9_]*)");
    // Each pattern starts with a look-ahead for the characters a match can start with: it finds the same matches,
    // and skips every other position at once instead of trying each alternative there (validating 100,000
    // contacts spent two thirds of its time in these two searches).
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)(?=[${\\[<txf])(\\$\\{[^}]*}|\\{\\{[^}]*}}|\\[\\[[^]]*]]|<<[^>]*>>|"
            + "\\[(first name|last name|name|organi[sz]ation|company|date|time|place|link)]|\\bTODO\\b|\\bTBD\\b|\\bXXX+\\b|\\bFIXME\\b)");
    private static final Pattern LINK = Pattern.compile("(?i)(?=[hw])\\b(https?:/*[^\\s<>\"']*|htt?ps?:[^\\s<>\"']*|www\\.[^\\s<>\"']*)");
    private static final Pattern OPT_OUT = Pattern.compile("(?is).*(unsubscribe|opt[ -]?out|no thanks|not hear from|"
            + "won'?t write again|will not write again|remove you|take you off|rather not (hear|receive)|stop (hearing|receiving)).*");

    private ReviewWarnings() {
    }

    /**
     * @param suppressed addresses (lower-cased) on the do-not-contact list, with why
     */
    public static List<Problem> of(Validation validation, Map<String, String> suppressed) {
        Problems warnings = new Problems();
        validation.warnings().forEach(warnings::add);
        Campaign campaign = validation.campaign().orElse(null);
        if (campaign == null) {
            return warnings.list();
        }
        missingValues(validation, warnings);
        doNotContact(validation, suppressed).forEach(warnings::add);
        for (Segment segment : campaign.segments()) {
            List<Contact> members = validation.bySegment().getOrDefault(segment, List.of());
            for (Step step : campaign.steps()) {
                StepTemplate template = validation.compiled().get(Validation.SegmentStep.of(segment, step));
                if (template != null && !members.isEmpty()) {
                    rendered(validation, template, members, warnings);
                }
            }
        }
        return warnings.list();
    }

    /**
     * The contacts of the file that are on the do-not-contact list: said, because a reviewer may wonder where
     * they went, but no fault of the files (launch leaves them out), so {@code strict} does not refuse for them.
     */
    public static List<Problem> doNotContact(Validation validation, Map<String, String> suppressed) {
        Problems notes = new Problems();
        validation.contacts().ifPresent(file -> file.contacts().forEach(contact -> {
            String why = suppressed.get(contact.email().key());
            if (why != null) {
                notes.warning(contact.row(), contact.email() + " is on the do-not-contact list (" + why
                        + ") and will not be written to");
            }
        }));
        return notes.list();
    }

    /** A column a template uses that some contacts leave empty: they get the template's default. */
    private static void missingValues(Validation validation, Problems warnings) {
        for (Map.Entry<String, String> source : validation.templates().sourcesUsed().entrySet()) {
            String file = "templates/" + source.getKey();
            String[] lines = source.getValue().split("\n", -1);
            Set<String> reported = new LinkedHashSet<>();
            for (int i = 0; i < lines.length; i++) {
                Matcher m = COLUMN.matcher(lines[i]);
                while (m.find()) {
                    String column = m.group(1);
                    if (!reported.add(column)) {
                        continue;
                    }
                    // A file in a segment's folder concerns that segment's contacts; a shared one, everybody's.
                    boolean shared = !isSegmentFolder(validation, source.getKey());
                    List<Contact> lacking = new ArrayList<>();
                    for (Map.Entry<Segment, List<Contact>> segment : validation.bySegment().entrySet()) {
                        if (shared || source.getKey().startsWith(segment.getKey().templates() + "/")) {
                            segment.getValue().stream().filter(c -> c.field(column).isEmpty()).forEach(lacking::add);
                        }
                    }
                    Location at = new Location(file, i + 1, m.start() + 1);
                    // Without a default the empty value is an error, already reported at this very place.
                    if (!lacking.isEmpty() && !errorAt(validation, at)) {
                        warnings.warning(at, "contact." + column + " is empty for "
                                + ContactList.counted(lacking) + ": they get the template's default");
                    }
                }
            }
        }
    }

    private static boolean errorAt(Validation validation, Location at) {
        return validation.problems().stream().anyMatch(p -> p.isError() && p.where().equals(at));
    }

    private static boolean isSegmentFolder(Validation validation, String templateName) {
        return validation.bySegment().keySet().stream().anyMatch(s -> templateName.startsWith(s.templates() + "/"));
    }

    /** Checks of the rendered emails: subject length, leftover placeholders, links, an opt-out line. */
    private static void rendered(Validation validation, StepTemplate template, List<Contact> members, Problems warnings) {
        Location file = Location.of("templates/" + template.textName());
        List<Contact> longSubject = new ArrayList<>();
        Set<String> placeholders = new LinkedHashSet<>();
        Set<String> badLinks = new LinkedHashSet<>();
        boolean optOut = true;
        for (Contact contact : members) {
            RenderedEmail email;
            try {
                email = validation.templates().render(template, contact);
            } catch (RenderException e) {
                continue; // an error, reported by validation
            }
            if (email.subject().map(s -> s.length() > SUBJECT_LENGTH).orElse(false)) {
                longSubject.add(contact);
            }
            String text = email.subject().orElse("") + "\n" + email.text();
            Matcher p = PLACEHOLDER.matcher(text);
            while (p.find()) {
                placeholders.add(p.group());
            }
            Matcher l = LINK.matcher(email.text());
            while (l.find()) {
                String link = l.group().replaceAll("[.,;:)!?]+$", "");
                if (!wellFormed(link)) {
                    badLinks.add(link);
                }
            }
            optOut &= OPT_OUT.matcher(email.text()).matches();
        }
        if (!longSubject.isEmpty()) {
            warnings.warning(file, "the subject is longer than " + SUBJECT_LENGTH + " characters for "
                    + ContactList.counted(longSubject) + "; mail clients cut it");
        }
        placeholders.forEach(p -> warnings.warning(file, "\"" + p + "\" looks like a placeholder left in the text"));
        badLinks.forEach(link -> warnings.warning(file, "the link " + link + " is malformed"));
        if (!optOut) {
            warnings.warning(file, "no opt-out line: tell people how to stop hearing from you (\"reply 'no thanks'"
                    + " and I won't write again\")");
        }
    }

    static boolean wellFormed(String link) {
        String url = link.toLowerCase(java.util.Locale.ROOT).startsWith("www.") ? "https://" + link : link;
        if (!url.matches("(?i)https?://[^/]+.*")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && uri.getHost().contains(".") && !uri.getHost().startsWith(".")
                    && !uri.getHost().endsWith(".") && !uri.getHost().contains("..");
        } catch (URISyntaxException e) {
            return false;
        }
    }

}
