package org.outreach.inbound;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells what an inbound message is. The order matters: machine reports first (delivery-status, feedback,
 * non-standard notices), because they often carry {@code Auto-Submitted} too and quote our own email; then
 * automatic answers; then what a person wrote. A delivery notice is never taken for a reply.
 */
public final class Classifier {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^\\s*message-id\\s*:\\s*(<[^<>\\s]+>)");
    private static final Pattern REMOVE = Pattern.compile("(?iu).*\\b(unsubscribe|remove me|take me off|please stop|"
            + "stop (emailing|e-mailing|writing|contacting|sending)|no,? thanks?\\b|not interested|do not (contact|email|e-mail|write)|"
            + "don'?t (contact|email|e-mail|write to) me|opt[- ]?out|abmelden|austragen|kein interesse|bitte entfernen|"
            + "désinscri|desinscri|retirez[- ]moi|pas intéressé|ne plus recevoir|darme de baja|dar de baja|no me interesa|"
            + "no estoy interesad).*");

    /** Classifies; never throws, however broken the message. */
    public Classification classify(MimeMessage message) {
        try {
            return classifyOrFail(message);
        } catch (RuntimeException e) {
            return Classification.of(Kind.REPLY, "could not be read fully (" + e.getClass().getSimpleName() + "), taken as a reply");
        }
    }

    private Classification classifyOrFail(MimeMessage message) {
        String subject = MailParts.decodedHeader(message, "Subject");
        String from = MailParts.decodedHeader(message, "From");
        List<Part> parts = MailParts.leaves(message);
        String body = MailParts.bodyText(message);
        if (body.isBlank()) {
            body = raw(message);
        }
        boolean nullSender = MailParts.header(message, "Return-Path").replaceAll("\\s", "").equals("<>");
        boolean carriesOriginal = parts.stream().map(MailParts::type).anyMatch(t -> t.equals("message/rfc822")
                || t.equals("text/rfc822-headers") || t.equals("message/rfc822-headers"));
        Optional<String> original = originalMessageId(message, parts, body);

        if (MailParts.type(message).equals("multipart/report")) {
            String reportType = MailParts.parameter(message, "report-type").orElse("").toLowerCase(Locale.ROOT);
            if (reportType.equals("feedback-report")) {
                String feedback = partText(parts, "message/feedback-report");
                return new Classification(Kind.COMPLAINT, FeedbackReport.arfRecipients(feedback, originalHeader(parts, "To")),
                        original, Optional.empty(), "multipart/report; report-type=feedback-report");
            }
            if (reportType.equals("disposition-notification")) {
                return new Classification(Kind.NOTICE, List.of(), original, Optional.empty(),
                        "multipart/report; report-type=disposition-notification (a read receipt)");
            }
        }
        String deliveryStatus = partText(parts, "message/delivery-status", "message/global-delivery-status");
        if (deliveryStatus.isEmpty()) {
            deliveryStatus = DeliveryStatus.inText(raw(message));
        }
        if (!deliveryStatus.isEmpty()) {
            List<Recipient> recipients = DeliveryStatus.recipients(deliveryStatus);
            if (!recipients.isEmpty()) {
                boolean failed = recipients.stream().anyMatch(r -> !List.of("delivered", "relayed", "expanded").contains(r.action()));
                return new Classification(failed ? Kind.BOUNCE : Kind.NOTICE, recipients, original, Optional.empty(),
                        "delivery-status report");
            }
        }
        Optional<Classification> ses = FeedbackReport.ses(body);
        if (ses.isPresent()) {
            return ses.get();
        }
        List<String> failedHeader = Addresses.all(MailParts.header(message, "X-Failed-Recipients"));
        if (TextBounce.looksLike(from, subject, body, !failedHeader.isEmpty(), nullSender || carriesOriginal)) {
            boolean delayed = TextBounce.delayed(subject, body);
            List<Recipient> recipients = TextBounce.recipients(failedHeader, body, notRecipients(message), delayed);
            if (recipients.isEmpty()) {
                String to = Addresses.clean(originalHeader(parts, "To"));
                if (!to.isEmpty()) {
                    recipients = List.of(new Recipient(to, "", delayed ? "delayed" : "failed", !delayed, "from the original message"));
                }
            }
            return new Classification(Kind.BOUNCE, recipients, original, Optional.empty(),
                    failedHeader.isEmpty() ? "a delivery-failure notice (sender, subject and wording)" : "X-Failed-Recipients");
        }
        Optional<String> automatic = AutoReply.evidence(message, subject);
        if (automatic.isPresent()) {
            return new Classification(Kind.AUTO_REPLY, List.of(), original, ReturnDate.in(body, written(message)), automatic.get());
        }
        if (subject.strip().equalsIgnoreCase("unsubscribe")) {
            return new Classification(Kind.UNSUBSCRIBE, List.of(), original, Optional.empty(), "subject: unsubscribe");
        }
        List<String> firstLines = NewText.lines(body).stream().filter(l -> !l.isBlank()).limit(3).toList();
        for (String line : firstLines) {
            if (REMOVE.matcher(line).matches()) {
                return new Classification(Kind.UNSUBSCRIBE, List.of(), original, Optional.empty(),
                        "asks to be removed: \"" + line.strip() + "\"");
            }
        }
        if (nullSender) {
            // Mail with an empty return path comes from a mail system, never from a person answering.
            return new Classification(Kind.NOTICE, List.of(), original, Optional.empty(), "sent with an empty return path");
        }
        return new Classification(Kind.REPLY, List.of(), original, Optional.empty(), "written by a person");
    }

    /** The whole message as text, for notices whose MIME structure is broken. */
    private static String raw(MimeMessage message) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            message.writeTo(out);
            return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException | jakarta.mail.MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** The text of the first part of one of these types. */
    private static String partText(List<Part> parts, String... types) {
        for (Part part : parts) {
            if (List.of(types).contains(MailParts.type(part))) {
                return MailParts.text(part);
            }
        }
        return "";
    }

    /** A header of the original message a report carries (attached whole or as headers only). */
    private static String originalHeader(List<Part> parts, String name) {
        for (Part part : parts) {
            String type = MailParts.type(part);
            if (type.equals("message/rfc822") || type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")) {
                Matcher m = Pattern.compile("(?im)^" + name + "\\s*:\\s*(.+)$").matcher(headersOf(part));
                if (m.find()) {
                    return m.group(1).strip();
                }
            }
        }
        return "";
    }

    private static String headersOf(Part part) {
        String text = MailParts.text(part);
        int end = text.indexOf("\n\n");
        int endCrLf = text.indexOf("\r\n\r\n");
        int cut = end < 0 ? endCrLf : endCrLf < 0 ? end : Math.min(end, endCrLf);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /**
     * The Message-ID of the message this one is about: for a report, the one its copy of the original carries;
     * for an answer, In-Reply-To, else the last of References.
     */
    private static Optional<String> originalMessageId(MimeMessage message, List<Part> parts, String body) {
        String own = MailParts.header(message, "Message-ID");
        for (Part part : parts) {
            String type = MailParts.type(part);
            if (type.equals("message/rfc822") || type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")) {
                Matcher m = MESSAGE_ID.matcher(headersOf(part));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        Matcher inReplyTo = Pattern.compile("<[^<>\\s]+>").matcher(MailParts.header(message, "In-Reply-To"));
        if (inReplyTo.find()) {
            return Optional.of(inReplyTo.group());
        }
        Matcher references = Pattern.compile("<[^<>\\s]+>").matcher(MailParts.header(message, "References"));
        String last = null;
        while (references.find()) {
            last = references.group();
        }
        if (last != null) {
            return Optional.of(last);
        }
        Matcher quoted = MESSAGE_ID.matcher(body);
        while (quoted.find()) {
            if (!quoted.group(1).equals(own)) {
                return Optional.of(quoted.group(1));
            }
        }
        return Optional.empty();
    }

    /** Addresses a notice names that are not the failed recipient: its sender and the original sender. */
    private static Set<String> notRecipients(MimeMessage message) {
        Set<String> addresses = new HashSet<>();
        for (String header : new String[] {"From", "To", "Reply-To", "Return-Path", "Sender", "Delivered-To"}) {
            addresses.addAll(Addresses.all(MailParts.header(message, header)));
        }
        return addresses;
    }

    private static LocalDate written(MimeMessage message) {
        try {
            return message.getSentDate() == null ? LocalDate.now(ZoneOffset.UTC)
                    : message.getSentDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } catch (jakarta.mail.MessagingException e) {
            return LocalDate.now(ZoneOffset.UTC);
        }
    }
}
