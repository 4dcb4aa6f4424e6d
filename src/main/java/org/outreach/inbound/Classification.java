package org.outreach.inbound;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What an inbound message is, and what it says.
 *
 * @param recipients        the recipients a delivery report or complaint is about
 * @param originalMessageId the Message-ID of the message it answers or reports on, when it names one
 * @param returnDate        when an auto-reply says the person is back
 * @param why               what decided the kind, in a few words, so a person can check it
 */
public record Classification(Kind kind, List<Recipient> recipients, Optional<String> originalMessageId,
                             Optional<LocalDate> returnDate, String why) {

    public boolean permanent() {
        return recipients.stream().anyMatch(Recipient::permanent);
    }

    /** The first recipient's status code, or empty. */
    public String status() {
        return recipients.isEmpty() ? "" : recipients.get(0).status();
    }

    static Classification of(Kind kind, String why) {
        return new Classification(kind, List.of(), Optional.empty(), Optional.empty(), why);
    }
}
