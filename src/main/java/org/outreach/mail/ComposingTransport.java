package org.outreach.mail;

import jakarta.mail.internet.MimeMessage;
import org.outreach.campaign.RenderedEmail;
import org.outreach.engine.Delivery;
import org.outreach.engine.Envelope;
import org.outreach.engine.Transport;

/**
 * The engine's {@link Transport} over a {@link Mailer}: composes each message into MIME and sends it. The message
 * composed for a send is the very one its copies keep (a second composition would draw other MIME boundaries),
 * so the connection holds it until the engine says its acceptance is recorded.
 */
public final class ComposingTransport implements Transport {

    private final Mailer mailer;
    private final int connections;
    private final MessageComposer composer = new MessageComposer();

    /** @param connections how many connections of the mailer may be open at once (each used by one thread) */
    public ComposingTransport(Mailer mailer, int connections) {
        this.mailer = mailer;
        this.connections = connections;
    }

    @Override
    public int connections() {
        return connections;
    }

    @Override
    public Transport.Connection connect() {
        Mailer.Connection connection = mailer.connect();
        return new Transport.Connection() {

            /** The message last sent, with the Message-ID it was composed with. */
            private MimeMessage last;
            private String lastId;

            @Override
            public Delivery send(RenderedEmail email, Envelope envelope) {
                last = composer.compose(email, envelope);
                lastId = envelope.messageId();
                return connection.send(last);
            }

            @Override
            public void recorded(Envelope envelope) {
                if (last == null || !envelope.messageId().equals(lastId)) {
                    throw new IllegalStateException("bug: told of " + envelope.messageId() + " recorded, but the"
                            + " message last sent is " + lastId);
                }
                connection.recorded(last);
                last = null;
                lastId = null;
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }
}
