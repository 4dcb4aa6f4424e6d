package org.outreach.mail;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, noting the moment the whole message has been written to the server. A failure before
 * that moment means the server does not have the message (safe to retry); after it, the server may have it
 * (the message's fate is unknown, and it must not be sent again silently).
 */
final class HandoverTrackingTransport extends SMTPTransport {

    private volatile boolean handedOver;

    HandoverTrackingTransport(Session session, URLName url) {
        super(session, url);
    }

    void startMessage() {
        handedOver = false;
    }

    boolean handedOver() {
        return handedOver;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        handedOver = true;
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        handedOver = true;
        super.finishBdat();
    }
}
