package org.outreach.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Delivery-failure notices that are not RFC 3464 reports: what qmail, Exim, Exchange, old Sendmails, webmail
 * providers and mobile carriers send. Recognised by who sends them, their subject and their wording; the failed
 * recipients are read from the text before the copy of the original message.
 */
final class TextBounce {

    private static final Pattern SUBJECT = Pattern.compile("(?i).*(undeliver|undelivered|delivery (status )?notification|"
            + "delivery (failure|failed|has failed|problem|report|error|incomplete)|returned mail|return(ed)? to sender|"
            + "mail delivery (failed|failure|system|subsystem)|failure notice|non[- ]?delivery|nondeliverable|not delivered|"
            + "could not be delivered|couldn't be delivered|mail system error|message not delivered|could not send|"
            + "delivery status|mail failure|rejected|unzustellbar|non remis|no se puede entregar|échec de la remise|"
            + "delayed mail|warning: message|mail could not|permanent error|fatal error|unable to deliver|bounce|"
            + "error sending|loop alert|mail loop|loop detected|メールエラー|エラー通知|配信エラー|送信エラー).*");
    private static final Pattern BODY = Pattern.compile("(?is).*(this is the mail system at|qmail-send program|"
            + "original message was received|delivery to the following recipient|could not be delivered|couldn't be delivered|"
            + "created automatically by mail delivery software|following address(es)? failed|permanent fatal error|"
            + "was not delivered|undeliverable|delivery has failed|user unknown|unknown user|no such user|mailbox unavailable|"
            + "does not exist|recipient address rejected|message could not be|delivery failed|returned to the sender|"
            + "transcript of session|unable to deliver|permanently rejected|delivery error|failed recipient|"
            + "could not deliver|message was undeliverable|host unknown|not reachable|retry time|has been delayed|"
            + "giving up|deferred|delayed|timeout|mailbox (is )?full|quota|did not reach|attempting to deliver|"
            + "trouble delivering|returned permanent errors|invalid (user|address|recipient)|duplicated message-id|"
            + "送信できませんでした|配信できませんでした|届きませんでした|宛先不明|エラー).*");
    private static final Pattern DELAY_SUBJECT = Pattern.compile("(?i).*(delay|warning: could not send|"
            + "delivery status notification \\(delay\\)|not yet delivered|still trying).*");
    private static final Pattern DELAY_BODY = Pattern.compile("(?is).*(will (continue to )?(retry|try)|will be retried|"
            + "still trying|has not yet been delivered|not yet been delivered|this is a warning|no action is required on your part).*");
    private static final Pattern GAVE_UP = Pattern.compile("(?is).*(permanent|giving up|gave up|has been returned|"
            + "could not be delivered|will not be (delivered|retried)|failed permanently).*");
    private static final Pattern ORIGINAL = Pattern.compile("(?im)^.*(-{2,}.*(original message|copy of the message|"
            + "returned message|message header|undelivered message|headers of the original|below this line)|"
            + "original message follows|original message headers|the original message was:|--- below|"
            + "^\\s*received: from|^\\s*return-path:|content-type: message/rfc822).*$");

    private TextBounce() {
    }

    /**
     * Whether the message reads like a delivery-failure notice.
     *
     * @param machine it was sent with an empty return path, or carries a copy of another message: what mail
     *                systems do and people do not
     */
    static boolean looksLike(String from, String subject, String body, boolean failedRecipientsHeader, boolean machine) {
        if (failedRecipientsHeader) {
            return true;
        }
        boolean fromMailSystem = from.toLowerCase(Locale.ROOT).matches(
                "(?s).*(mailer-daemon|mailer daemon|postmaster|post_master|mail delivery|mail administrator|mail-daemon|"
                        + "mailerdaemon|bounce|mdaemon|internet mail delivery|system administrator|microsoftexchange|"
                        + "notification|-admin@|owner-).*");
        boolean subjectSays = SUBJECT.matcher(subject).matches();
        boolean bodySays = BODY.matcher(body.length() > 20_000 ? body.substring(0, 20_000) : body).matches();
        return ((fromMailSystem || machine) && (subjectSays || bodySays)) || (subjectSays && bodySays);
    }

    /** A warning that the mail system is still trying, rather than a notice that it gave up. */
    static boolean delayed(String subject, String body) {
        String report = report(body);
        return (DELAY_SUBJECT.matcher(subject).matches() || DELAY_BODY.matcher(report).matches())
                && !GAVE_UP.matcher(report).matches();
    }

    /**
     * The failed recipients: from {@code X-Failed-Recipients} when given, else the addresses the report names
     * (not the sender's, not the mail system's), each with the status codes written near it.
     */
    static List<Recipient> recipients(List<String> failedHeader, String body, Set<String> notRecipients, boolean delayed) {
        String report = report(body);
        List<String> addresses = new ArrayList<>(failedHeader);
        if (addresses.isEmpty()) {
            List<String> named = new ArrayList<>();
            List<String> withError = new ArrayList<>();
            for (String address : Addresses.all(report)) {
                if (Addresses.isMailSystem(address) || envelopeSender(report, address)) {
                    continue;
                }
                boolean error = ERROR.matcher(line(report, address)).matches();
                if (error) {
                    withError.add(address);
                } else if (!notRecipients.contains(address)) {
                    named.add(address);
                }
            }
            // The addresses on a line with an error are the failed ones; the others are only mentioned.
            addresses.addAll(withError.isEmpty() ? named : withError);
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String address : addresses) {
            String context = near(report, address);
            String status = Codes.enhanced(context).or(() -> Codes.enhanced(report)).orElse("");
            if (delayed && status.startsWith("5")) {
                status = "";
            }
            boolean permanent = !delayed && Codes.permanent(status, context.isBlank() ? report : context, true);
            recipients.add(new Recipient(address, status, delayed ? "delayed" : "failed", permanent, oneLine(context)));
        }
        return recipients;
    }

    private static final Pattern ERROR = Pattern.compile("(?is).*([245]\\.\\d{1,3}\\.\\d{1,3}|\\b[45]\\d\\d\\b|unknown|"
            + "does not exist|doesn't exist|no such|invalid|rejected|refused|failed|failure|error|not found|unavailable|"
            + "full|quota|over ?quota|disabled|inactive|expired|blocked|denied|unrouteable|unreachable|not reachable|"
            + "timed out|timeout|deferred|delayed|loop|not accepting|couldn't|could not|cannot|unable|"
            + "undeliverable|undelivered|bounced|blacklist|spam|policy|can't|retry).*");

    /** An address written as the envelope sender of a transcript ({@code MAIL FROM:<…>}) is not a recipient. */
    private static boolean envelopeSender(String report, String address) {
        return Pattern.compile("(?i)mail from:\\s*<?" + Pattern.quote(address)).matcher(report).find();
    }

    /** The line an address first appears on, and the next one, where its error is usually written. */
    private static String line(String text, String address) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(address);
        int start = lower.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = lower.indexOf('\n', at);
        end = end < 0 ? text.length() : lower.indexOf('\n', end + 1);
        return text.substring(start, end < 0 ? text.length() : end).replace(address, " ");
    }

    /** The notice's own text: everything before the copy of the original message. */
    static String report(String body) {
        var m = ORIGINAL.matcher(body);
        return m.find() && m.start() > 0 ? body.substring(0, m.start()) : body;
    }

    /** The lines around the first mention of an address, where its error is usually written. */
    private static String near(String text, String address) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(address);
        if (at < 0) {
            return "";
        }
        int start = lower.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = at;
        for (int lines = 0; lines < 5 && end >= 0 && end < text.length(); lines++) {
            end = text.indexOf('\n', end + 1);
        }
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) : s;
    }
}
