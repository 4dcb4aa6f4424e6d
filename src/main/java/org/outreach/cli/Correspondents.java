package org.outreach.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outreach.campaign.Sender;

/**
 * The people and mail servers who answer the example campaign in the demo: each answers the intro it got, a set
 * time after it was sent, with a message written as the real thing is (resources under {@code /demo/}). Their
 * messages go into the sandbox's mailboxes, where the daemon's round reads and sorts them like any other mail.
 */
final class Correspondents {

    /**
     * One answer to the intro sent to {@code contact}: written by {@code from} (the contact, a colleague, a mail
     * server) as which file, how long after the intro, to which of the sender's addresses.
     */
    record Answer(String contact, String from, String name, String file, Duration afterIntro, Addressed to) {

        /** An answer the contact writes themselves. */
        Answer(String contact, String name, String file, Duration afterIntro, Addressed to) {
            this(contact, contact, name, file, afterIntro, to);
        }
    }

    /** Where an answer goes: a person's mail client answers Reply-To; servers and vacation programs the sender. */
    enum Addressed { REPLY_TO, SENDER }

    /** The intro a contact got: when, with which Message-ID and subject. */
    record Intro(Instant sentAt, String messageId, String subject) {
    }

    /** Delivers raw RFC 5322 text to an address's mailbox. */
    interface Mailboxes {
        void deliver(String address, String message);
    }

    /** Finds the intro sent to a contact, if it was sent. */
    interface SentIntros {
        Optional<Intro> to(String contact);
    }

    static final List<Answer> EXAMPLE = List.of(
            // The recipient's server refuses at once: the address no longer exists.
            new Answer("wei.li@example.edu", "Mail Delivery System", "delivery-failure.eml", Duration.ofMinutes(1), Addressed.SENDER),
            // A vacation program answers within a minute, and says when its owner is back.
            new Answer("samuel.broussard@example.edu", "Samuel Broussard", "out-of-office.eml", Duration.ofMinutes(1), Addressed.SENDER),
            new Answer("nadia.haddad@example.edu", "Nadia Haddad", "reply-in-thread.eml", Duration.ofHours(5), Addressed.REPLY_TO),
            // Darnell's colleague, herself a contact, writes a new email instead of replying: no In-Reply-To, no
            // References; she is known by her address.
            new Answer("lucia.moreno@example.gov", "Lucía Moreno", "colleague-writes-anew.eml", Duration.ofHours(22), Addressed.SENDER),
            // Darnell forwards his intro to a colleague who is no contact; her answer names our Message-ID in
            // References, so it counts for Darnell.
            new Answer("darnell.batiste@example.gov", "jordan.reyes@example.gov", "Jordan Reyes", "colleague-answers-a-forward.eml",
                    Duration.ofHours(26), Addressed.SENDER),
            new Answer("yolanda.pierre@example.com", "Yolanda Pierre", "remove-me.eml", Duration.ofHours(49), Addressed.REPLY_TO));

    private static final Pattern VALUE = Pattern.compile("\\$\\{(\\w+)}");
    private static final DateTimeFormatter QUOTED = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);
    /** How long the out-of-office's writer is away after the intro: past the first follow-up, so it holds it. */
    private static final Duration AWAY = Duration.ofDays(8);

    private final List<Answer> pending;
    private final Sender sender;
    private final ZoneId zone;

    Correspondents(List<Answer> answers, Sender sender, ZoneId zone) {
        this.pending = new ArrayList<>(answers);
        this.sender = sender;
        this.zone = zone;
    }

    /** Delivers every answer whose time has come, each once. */
    void answerUntil(Instant now, SentIntros intros, Mailboxes mailboxes) {
        for (Iterator<Answer> it = pending.iterator(); it.hasNext(); ) {
            Answer answer = it.next();
            Optional<Intro> intro = intros.to(answer.contact());
            if (intro.isPresent() && !now.isBefore(dueAt(answer, intro.get()))) {
                String to = (answer.to() == Addressed.REPLY_TO ? sender.replyTo().orElse(sender.email()) : sender.email()).value();
                mailboxes.deliver(to, write(answer, intro.get(), to, dueAt(answer, intro.get())));
                it.remove();
            }
        }
    }

    /** When the next answer is due, once its intro is sent; the demo's clock must not jump past it. */
    Optional<Instant> next(SentIntros intros) {
        return pending.stream().flatMap(a -> intros.to(a.contact()).map(i -> dueAt(a, i)).stream()).min(Instant::compareTo);
    }

    private static Instant dueAt(Answer answer, Intro intro) {
        return intro.sentAt().plus(answer.afterIntro());
    }

    private String write(Answer answer, Intro intro, String to, Instant at) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", answer.from());
        values.put("fromName", answer.name());
        values.put("to", to);
        values.put("toName", sender.name());
        values.put("failed", answer.contact());
        values.put("subject", intro.subject());
        values.put("inReplyTo", intro.messageId());
        values.put("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(zone)));
        values.put("quotedDate", QUOTED.format(intro.sentAt().atZone(zone)));
        values.put("returnDate", DAY.format(intro.sentAt().plus(AWAY).atZone(zone)));
        values.put("token", Long.toString(at.getEpochSecond(), 36) + "." + Integer.toHexString(answer.contact().hashCode()));
        Matcher m = VALUE.matcher(resource(answer.file()));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("bug: demo/" + answer.file() + " uses ${" + m.group(1) + "}, which the demo does not fill");
            }
            m.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        m.appendTail(text);
        // Mail travels with CRLF line ends.
        return text.toString().replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static String resource(String file) {
        try (InputStream in = Correspondents.class.getResourceAsStream("/demo/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bug: the demo's message demo/" + file + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
