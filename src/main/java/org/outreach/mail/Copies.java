package org.outreach.mail;

import java.util.function.Supplier;

import jakarta.mail.internet.MimeMessage;
import org.outreach.engine.Delivery;
import org.slf4j.LoggerFactory;

/**
 * Somewhere each message a server accepted is also kept: the sandbox's .eml files, the sender's Sent folder.
 * One instance per connection, closed with it. Copies are made after the acceptance is recorded, so a slow or
 * failing copy never leaves a sent message's fate in doubt; a copy that fails is logged and skipped.
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
                    return connection.send(message);
                }

                @Override
                public void recorded(MimeMessage message) {
                    connection.recorded(message);
                    try {
                        kept.keep(message);
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(Copies.class).warn("the message was sent, but keeping a copy failed: {}",
                                e.getMessage());
                    }
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
