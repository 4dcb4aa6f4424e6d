package org.outreach.inbound;

import jakarta.mail.internet.MimeMessage;

/** The readable text of an inbound message: its plain-text parts, or its HTML with the markup removed. */
public final class Texts {

    private Texts() {
    }

    public static String body(MimeMessage message) {
        return MailParts.bodyText(message);
    }
}
