package org.outreach.campaign;

import java.util.Optional;

/** The person a campaign's emails come from; their mailbox is where replies arrive. */
public record Sender(String name, EmailAddress email, Optional<EmailAddress> replyTo) {
}
