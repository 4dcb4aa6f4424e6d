package org.outreach.engine;

import org.outreach.campaign.RenderedEmail;

/**
 * Where the engine hands messages to be sent: one connection per mailbox run, reused for every message of it.
 * The engine gives a rendered email and the headers it recorded; how it becomes MIME and goes over the wire
 * is the adapter's business ({@code mail}).
 */
public interface Transport {

    /**
     * Connects and logs in.
     *
     * @throws org.outreach.campaign.FailureException when the server cannot be reached or refuses the login
     */
    Connection connect();

    /** How many connections a mailbox may have open at once ({@code connections:} in the settings). */
    default int connections() {
        return 1;
    }

    /** One open connection. */
    interface Connection extends AutoCloseable {

        /**
         * Sends one message to its recipient; every outcome the server or the network causes is a
         * {@link Delivery}, never an exception.
         */
        Delivery send(RenderedEmail email, Envelope envelope);

        /**
         * Told after the acceptance of the message last sent (the one with this envelope) is recorded, for what
         * comes after it (keeping copies); must not throw, since the message is sent whatever happens here.
         */
        default void recorded(Envelope envelope) {
        }

        @Override
        void close();
    }
}
