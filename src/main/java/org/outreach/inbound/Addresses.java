package org.outreach.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses as notices write them: {@code rfc822; <a@b>}, {@code "a@b"}, {@code a@b.}… */
final class Addresses {

    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private Addresses() {
    }

    /** The address in a recipient field, lower-cased; empty when there is none. */
    static String clean(String field) {
        Matcher m = ADDRESS.matcher(field.replaceFirst("(?i)^\\s*(rfc822|x-local|unknown)\\s*;", ""));
        return m.find() ? trimDots(m.group()).toLowerCase(Locale.ROOT) : "";
    }

    static List<String> all(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String address = trimDots(m.group()).toLowerCase(Locale.ROOT);
            if (!found.contains(address)) {
                found.add(address);
            }
        }
        return found;
    }

    private static String trimDots(String address) {
        String a = address;
        while (a.endsWith(".") || a.endsWith("-")) {
            a = a.substring(0, a.length() - 1);
        }
        return a;
    }

    /** Addresses of the mail system itself, never the recipient that failed. */
    static boolean isMailSystem(String address) {
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        return local.equals("mailer-daemon") || local.equals("postmaster") || local.startsWith("bounce")
                || local.equals("noreply") || local.equals("no-reply") || local.equals("root") || local.startsWith("mail-daemon");
    }
}
