package org.outreach.store;

import java.util.regex.Pattern;

/** Keeps passwords that people put in JDBC URLs out of messages. */
final class Redaction {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");

    private Redaction() {
    }

    static String url(String url) {
        return PASSWORD.matcher(url).replaceAll("$1********");
    }
}
