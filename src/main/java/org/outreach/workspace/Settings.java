package org.outreach.workspace;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code outreach.yaml} configures. Every part is optional; the defaults give an embedded database in the
 * workspace and the sandbox mail server, so nothing needs setting up to try the tool.
 *
 * @param database a JDBC URL; empty means the embedded H2 file under {@code .outreach/}
 */
public record Settings(Optional<String> database, Mail mail) {

    public static Settings defaults() {
        return new Settings(Optional.empty(),
                new Mail(Mail.Mode.SANDBOX, Optional.empty(), Optional.empty(), Optional.empty(),
                        Mail.DEFAULT_GIVE_UP_AFTER));
    }

    /**
     * How mail is sent and read: the built-in sandbox, or real SMTP and IMAP servers.
     *
     * @param imap        the sender's mailbox, where replies to the sender's address arrive
     * @param replyToImap the mailbox behind the campaigns' {@code reply_to} address, when that address is not an alias
     *                    delivering into {@code imap}
     * @param giveUpAfter how long a message that keeps failing temporarily is retried before it counts as failed
     */
    public record Mail(Mode mode, Optional<Server> smtp, Optional<Server> imap, Optional<Server> replyToImap,
                       Duration giveUpAfter) {

        public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofDays(2);

        public enum Mode { SANDBOX, SMTP }
    }

    /**
     * One mail server.
     *
     * @param trust   accept this server's certificate even when no authority signed it (self-hosted servers)
     * @param folder  the IMAP folder to read replies from
     * @param sentFolder the IMAP folder that gets a copy of each message sent; empty: no copies
     * @param timeout how long to wait for the server to connect or answer before giving up on this attempt
     * @param connections how many SMTP connections one mailbox may have open at once while it sends (1 unless set)
     */
    public record Server(String host, int port, Security security, Optional<String> username, Optional<Secret> password,
                         boolean trust, String folder, Optional<String> sentFolder, Duration timeout, int connections) {

        /** The folder as people say it: "INBOX of maya@example.org". */
        public String describe() {
            return folder + username.map(u -> " of " + u).orElse(" on " + host);
        }

        /** The most a user may ask: more connections than this rarely help and many providers refuse them. */
        public static final int MAX_CONNECTIONS = 16;

        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    }

    public enum Security { STARTTLS, SSL, NONE }
}
