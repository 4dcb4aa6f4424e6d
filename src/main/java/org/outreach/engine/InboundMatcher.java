package org.outreach.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.outreach.campaign.EmailAddress;
import org.outreach.inbound.Classification;
import org.outreach.inbound.Kind;
import org.outreach.store.Contacts;
import org.outreach.store.Messages;
import org.outreach.store.Store;

/**
 * Finds which of our messages an inbound message is about: by the Message-IDs it refers to (In-Reply-To, then
 * References, then the original a notice carries), else by the address of an enrolled contact. A message that
 * carries our Message-ID but comes from another address (the contact forwarded our email and a colleague
 * answered) still counts for the original contact, and who answered is kept.
 */
final class InboundMatcher {

    /** The message answered, and who answered when it was not the contact. */
    record Match(OutboxMessage message, Optional<String> answeredBy) {
    }

    private InboundMatcher() {
    }

    static Optional<Match> match(Store store, InboundMail inbound) {
        Classification classification = inbound.classification();
        Optional<String> from = inbound.from();
        for (String id : referencedIds(inbound)) {
            Optional<OutboxMessage> found = store.messages().byMessageId(id);
            if (found.isPresent()) {
                return Optional.of(new Match(found.get(), answeredBy(store, found.get(), from, classification)));
            }
        }
        List<String> addresses = new ArrayList<>();
        if (classification.kind() == Kind.BOUNCE || classification.kind() == Kind.COMPLAINT) {
            classification.recipients().forEach(r -> addresses.add(r.address()));
        } else {
            from.ifPresent(addresses::add);
        }
        for (String address : addresses) {
            Optional<Contacts.Stored> contact = EmailAddress.parse(address).flatMap(a -> store.contacts().find(a));
            if (contact.isPresent()) {
                List<OutboxMessage> sent = store.messages().sentTo(contact.get().id());
                Optional<OutboxMessage> bySubject = sent.stream()
                        .filter(m -> sameThread(inbound.subject(), store.messages().firstSubject(m.enrollmentId()))).findFirst();
                Optional<OutboxMessage> chosen = bySubject.or(() -> sent.stream().findFirst());
                if (chosen.isPresent()) {
                    return Optional.of(new Match(chosen.get(), Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    /** In-Reply-To first (the message answered), then References newest first, then the original a notice names. */
    private static List<String> referencedIds(InboundMail inbound) {
        List<String> ids = new ArrayList<>();
        ids.addAll(idsIn(inbound.inReplyTo()));
        List<String> references = idsIn(inbound.references());
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        inbound.classification().originalMessageId().ifPresent(ids::add);
        return ids.stream().distinct().toList();
    }

    private static List<String> idsIn(String header) {
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static Optional<String> answeredBy(Store store, OutboxMessage message, Optional<String> from,
                                               Classification classification) {
        if (from.isEmpty() || classification.kind() == Kind.BOUNCE || classification.kind() == Kind.NOTICE) {
            return Optional.empty();
        }
        String contact = store.contacts().byId(message.contactId()).email().key();
        return from.filter(f -> !f.equals(contact));
    }

    /** Whether a subject belongs to the thread that started with {@code first}: "Re: first", "AW: Fwd: first"… */
    static boolean sameThread(String subject, String first) {
        return first != null && !first.isBlank() && normalize(subject).equals(normalize(first));
    }

    private static String normalize(String subject) {
        String s = subject == null ? "" : subject.strip();
        String previous;
        do {
            previous = s;
            s = s.replaceFirst("(?i)^(re|aw|sv|vs|ref|antw|fwd?|wg|tr|rv)\\s*(\\[\\d+])?\\s*:\\s*", "").strip();
        } while (!s.equals(previous));
        return s.toLowerCase(Locale.ROOT);
    }
}
