package org.outreach.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable part of an RFC 3464 delivery-status notification: one block of fields per recipient,
 * blocks separated by blank lines, fields folded over several lines.
 */
final class DeliveryStatus {

    private DeliveryStatus() {
    }

    static List<Recipient> recipients(String text) {
        List<Recipient> recipients = new ArrayList<>();
        for (Map<String, String> block : blocks(text)) {
            String address = Addresses.clean(first(block, "final-recipient", "original-recipient", "x-actual-recipient"));
            if (address.isEmpty()) {
                continue;
            }
            String action = block.getOrDefault("action", "").strip().toLowerCase(Locale.ROOT).replaceAll("\\s.*", "");
            String diagnostic = block.getOrDefault("diagnostic-code", "").replaceFirst("(?i)^\\s*smtp\\s*;\\s*", "").strip();
            String status = status(Codes.enhanced(block.getOrDefault("status", "")).orElse(""), diagnostic);
            boolean failed = !action.equals("delivered") && !action.equals("relayed") && !action.equals("expanded");
            boolean permanent = failed && !action.equals("delayed") && Codes.permanent(status, diagnostic, true);
            recipients.add(new Recipient(address, status, action, permanent, diagnostic));
        }
        return dedupe(recipients);
    }

    /**
     * The delivery-status fields written in a message's text, for a notice whose MIME structure is broken: from
     * the first recipient field up to the next MIME boundary.
     */
    static String inText(String raw) {
        java.util.regex.Matcher start = java.util.regex.Pattern
                .compile("(?im)^(reporting-mta|original-recipient|final-recipient)\\s*:").matcher(raw);
        if (!start.find()) {
            return "";
        }
        String rest = raw.substring(start.start());
        java.util.regex.Matcher boundary = java.util.regex.Pattern.compile("(?m)^--\\S").matcher(rest);
        return boundary.find() ? rest.substring(0, boundary.start()) : rest;
    }

    /** The report's status, or a more precise one of the same class from the diagnostic when it only says x.0.0. */
    private static String status(String reported, String diagnostic) {
        if (!reported.isEmpty() && !reported.endsWith(".0.0")) {
            return reported;
        }
        return Codes.enhanced(diagnostic).filter(s -> reported.isEmpty() || s.charAt(0) == reported.charAt(0)).orElse(reported);
    }

    /** The same recipient reported twice (original and final) is one recipient. */
    private static List<Recipient> dedupe(List<Recipient> recipients) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            byAddress.merge(r.address(), r, (a, b) -> a.status().isEmpty() ? b : a);
        }
        return new ArrayList<>(byAddress.values());
    }

    private static String first(Map<String, String> block, String... names) {
        for (String name : names) {
            String value = block.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** Field blocks, names lower-cased, folded lines joined. */
    private static List<Map<String, String>> blocks(String text) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> block = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new LinkedHashMap<>();
                }
                last = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                block.merge(last, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    // Some servers run the recipients' blocks together: a field seen again starts the next block.
                    if (block.containsKey(last) && last.endsWith("recipient")) {
                        blocks.add(block);
                        block = new LinkedHashMap<>();
                    }
                    block.putIfAbsent(last, line.substring(colon + 1).strip());
                }
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return blocks;
    }
}
