package org.outreach.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Complaint reports: RFC 5965 feedback reports (ARF), and the JSON notifications of Amazon SES. */
final class FeedbackReport {

    private static final Pattern SES_TYPE = Pattern.compile("\"notificationType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SES_ADDRESS = Pattern.compile("\"emailAddress\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SES_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([245]\\.\\d+\\.\\d+)\"");
    private static final Pattern SES_BOUNCE_TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SES_DIAGNOSTIC = Pattern.compile("\"diagnosticCode\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern SES_COMPLAINED = Pattern.compile("\"complainedRecipients\"\\s*:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern SES_BOUNCED = Pattern.compile("\"bouncedRecipients\"\\s*:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern SES_DELIVERED = Pattern.compile("\"recipients\"\\s*:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern SES_MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]+)\"");

    private FeedbackReport() {
    }

    /** The complained-about recipient of an ARF report: Original-Rcpt-To, else the attached original's To. */
    static List<Recipient> arfRecipients(String feedback, String originalTo) {
        List<Recipient> recipients = new ArrayList<>();
        Matcher m = Pattern.compile("(?im)^(original-rcpt-to|removal-recipient)\\s*:\\s*(.+)$").matcher(feedback);
        String address = m.find() ? Addresses.clean(m.group(2)) : Addresses.clean(originalTo);
        if (!address.isEmpty()) {
            recipients.add(new Recipient(address, "", "", false, "complaint"));
        }
        return recipients;
    }

    /** An Amazon SES notification in JSON, when the text is one. */
    static java.util.Optional<Classification> ses(String text) {
        Matcher type = SES_TYPE.matcher(text);
        if (!type.find()) {
            return java.util.Optional.empty();
        }
        java.util.Optional<String> messageId = find(SES_MESSAGE_ID, text).map(id -> id.startsWith("<") ? id : "<" + id + ">");
        switch (type.group(1)) {
            case "Complaint" -> {
                List<Recipient> r = addresses(SES_COMPLAINED, text).stream()
                        .map(a -> new Recipient(a, "", "", false, "complaint")).toList();
                return java.util.Optional.of(new Classification(Kind.COMPLAINT, r, messageId, java.util.Optional.empty(),
                        "Amazon SES complaint notification"));
            }
            case "Bounce" -> {
                boolean permanent = find(SES_BOUNCE_TYPE, text).map("Permanent"::equals).orElse(true);
                String status = find(SES_STATUS, text).orElse("");
                String diagnostic = find(SES_DIAGNOSTIC, text).orElse("");
                List<Recipient> r = addresses(SES_BOUNCED, text).stream()
                        .map(a -> new Recipient(a, status, "failed", permanent && !status.startsWith("4"), diagnostic)).toList();
                return java.util.Optional.of(new Classification(Kind.BOUNCE, r, messageId, java.util.Optional.empty(),
                        "Amazon SES bounce notification"));
            }
            case "Delivery" -> {
                List<Recipient> r = addresses(SES_DELIVERED, text).stream()
                        .map(a -> new Recipient(a, find(SES_STATUS, text).orElse("2.0.0"), "delivered", false, "")).toList();
                return java.util.Optional.of(new Classification(Kind.NOTICE, r, messageId, java.util.Optional.empty(),
                        "Amazon SES delivery notification"));
            }
            default -> {
                return java.util.Optional.empty();
            }
        }
    }

    private static java.util.Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static List<String> addresses(Pattern list, String text) {
        Matcher m = list.matcher(text);
        if (!m.find()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Matcher a = SES_ADDRESS.matcher(m.group(1));
        while (a.find()) {
            found.add(Addresses.clean(a.group(1)));
        }
        if (found.isEmpty()) {
            found.addAll(Addresses.all(m.group(1)));
        }
        return found;
    }
}
