package org.outreach.mail;

import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;

/**
 * Somewhere each message a server accepted is also kept: the sandbox's .eml files, the sender's Sent folder.
 * One instance per connection, closed with it.
 */
public interface Copies extends AutoCloseable {

    void keep(MimeMessage message);

    @Override
    default void close() {
    }

    /** A mailer that keeps a copy of each message its server accepts. */
    static Mailer keptBy(Mailer mailer, Supplier<Copies> copies) {
        return () -> {
            Mailer.Connection connection = mailer.connect();
            Copies kept = copies.get();
            return new Mailer.Connection() {
                @Override
                public Delivery send(MimeMessage message) {
                    Delivery delivery = connection.send(message);
                    if (delivery.outcome() == Delivery.Outcome.ACCEPTED) {
                        kept.keep(message);
                    }
                    return delivery;
                }

                @Override
                public void close() {
                    kept.close();
                    connection.close();
                }
            };
        };
    }
}
