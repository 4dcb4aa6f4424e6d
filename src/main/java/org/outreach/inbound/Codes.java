package org.outreach.inbound;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SMTP status codes found in text: enhanced codes (RFC 3463, {@code 5.1.1}) and reply codes ({@code 550}). */
final class Codes {

    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
    private static final Pattern REPLY = Pattern.compile("(?<![\\d.#-])([245][0-5]\\d)(?=[ -]|$)(?![ -]?\\d{3})");

    private Codes() {
    }

    static Optional<String> enhanced(String text) {
        Matcher m = ENHANCED.matcher(text);
        while (m.find()) {
            String code = m.group();
            if (!code.equals("2.0.0") || text.contains("2.0.0 ")) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    static Optional<Integer> reply(String text) {
        Matcher m = REPLY.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * Whether a failure is permanent, from the enhanced code when there is one, else from the reply code;
     * {@code otherwise} when the text has neither.
     */
    static boolean permanent(String status, String text, boolean otherwise) {
        if (!status.isEmpty()) {
            return status.startsWith("5");
        }
        return reply(text).map(code -> code >= 500).orElse(otherwise);
    }
}
