package org.outreach.mail;

import jakarta.mail.internet.MimeMessage;
import org.outreach.engine.Delivery;

/** A mail server to send through: one connection per batch, reused for every message of it. */
public interface Mailer {

    /**
     * Connects and logs in.
     *
     * @throws org.outreach.campaign.FailureException when the server cannot be reached or refuses the login
     */
    Connection connect();

    /** One open connection. */
    interface Connection extends AutoCloseable {

        /** Sends one message to its recipients; every outcome is a {@link Delivery}, never an exception. */
        Delivery send(MimeMessage message);

        /**
         * Told after a message's acceptance is recorded, for what comes after it (keeping copies); must not
         * throw, since the message is sent whatever happens here.
         */
        default void recorded(MimeMessage message) {
        }

        @Override
        void close();
    }
}
