package org.outreach.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;

/**
 * A step's template split the way an email is: header lines, a blank line, the body. The split happens on the
 * template's source, before any contact data is rendered into it, so data can never add a header line; every
 * part keeps its line and column in the file so FreeMarker reports errors where the author wrote them.
 */
record TemplateFile(String name, List<Header> headers, String body, int bodyLine) {

    static final String SUBJECT = "Subject";
    static final String ATTACHMENTS = "Attachments";
    private static final Map<String, String> KNOWN = Map.of("subject", SUBJECT, "attachments", ATTACHMENTS);
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*):[ \\t]*(.*)");

    /** One header line of the template, with where its value starts. */
    record Header(String name, String value, int line, int column) {
    }

    /**
     * Parses a template. A file whose first line is not {@code Name: value} has no headers (a follow-up that
     * replies in the same thread); a header block ends at the first blank line.
     */
    static TemplateFile parse(String name, String shownPath, String source, Problems problems) {
        String[] lines = source.split("\r?\n", -1);
        List<Header> headers = new ArrayList<>();
        int i = 0;
        if (lines.length > 0 && HEADER.matcher(lines[0]).matches()) {
            for (; i < lines.length && !lines[i].isBlank(); i++) {
                Matcher m = HEADER.matcher(lines[i]);
                Location at = new Location(shownPath, i + 1, 1);
                if (!m.matches()) {
                    problems.error(at, "expected a header line like \"Subject: …\" or a blank line before the body");
                    continue;
                }
                String known = KNOWN.get(m.group(1).toLowerCase(Locale.ROOT));
                if (known == null) {
                    problems.error(at, "unknown header \"" + m.group(1) + "\" (a template may set Subject and Attachments;"
                            + " start the file with a blank line if this line is the body)");
                } else if (headers.stream().anyMatch(h -> h.name().equals(known))) {
                    problems.error(at, known + " is given twice");
                } else {
                    headers.add(new Header(known, m.group(2), i + 1, m.start(2) + 1));
                }
            }
            i++; // the blank line
        } else if (lines.length > 0 && lines[0].isBlank()) {
            i = 1; // an explicit blank line: no headers, the body follows
        }
        int bodyLine = Math.min(i, lines.length) + 1;
        String body = String.join("\n", java.util.Arrays.asList(lines).subList(Math.min(i, lines.length), lines.length));
        return new TemplateFile(name, headers, body, bodyLine);
    }

    java.util.Optional<Header> header(String name) {
        return headers.stream().filter(h -> h.name().equals(name)).findFirst();
    }
}
