package org.outreach.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote in a reply, without the quoted message below it: lines up to the first quote marker
 * that Gmail, Outlook, Apple Mail and Thunderbird write ({@code >}, "On … wrote:", "-----Original Message-----",
 * an Outlook "From:" block), and without a signature after "-- ".
 */
public final class NewText {

    private static final Pattern QUOTE_START = Pattern.compile("(?i)^\\s*(>.*|on\\b.+\\bwrote:?\\s*|.+\\bwrote:\\s*|"
            + "am .+ schrieb .+|.+ schrieb:\\s*|le .+ a écrit\\s*:?|el .+ escribió:?|il .+ ha scritto:?|op .+ schreef .+|"
            + "-+ ?(original message|ursprüngliche nachricht|message d'origine|mensaje original|forwarded message) ?-+|"
            + "_{5,}|from: .+|von: .+|de: .+|sent from my .+|envoyé de mon .+|von meinem .+ gesendet)$");

    private NewText() {
    }

    /** The new lines of a reply's text, in order. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (QUOTE_START.matcher(line).matches() || line.equals("-- ") || line.strip().equals("--")) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    /** The first few non-empty new lines, joined: how a reply starts. */
    public static String start(String text, int count) {
        List<String> start = new ArrayList<>();
        for (String line : lines(text)) {
            if (!line.isBlank() && start.size() < count) {
                start.add(line.strip());
            }
        }
        return String.join(" / ", start);
    }
}
