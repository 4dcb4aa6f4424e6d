package org.outreach.store;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.outreach.campaign.FailureException;

/**
 * The database behind a workspace: opened once per command, upgraded by the numbered migrations in
 * {@code db/migration}, used through {@link #transaction} so that a command changes everything or nothing.
 */
public final class Database implements AutoCloseable {

    static {
        // The embedded database serves other processes of this workspace (a status while the daemon runs) over
        // TCP; H2 listens on every interface unless told otherwise. Keep it on this machine.
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private final String url;
    private final boolean embedded;
    private final Jdbi jdbi;
    /** Held open for the life of the command: an embedded database closes when its last connection does. */
    private final Handle keepAlive;

    private Database(String url) {
        this.url = url;
        this.embedded = url.startsWith("jdbc:h2:") && !url.matches("jdbc:h2:(mem|tcp|ssl):.*");
        this.jdbi = Jdbi.create(url);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgument());
        StateColumns.register(jdbi);
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
        this.keepAlive = jdbi.open();
    }

    /** Opens (creating when needed) and upgrades the database at {@code url}. */
    public static Database open(String url) {
        Database database;
        try {
            database = new Database(url);
        } catch (JdbiException e) {
            throw new FailureException("cannot open the database " + Redaction.url(url) + ": " + firstLine(e), e);
        }
        try {
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            database.close();
            throw new FailureException("cannot upgrade the database " + Redaction.url(url) + ": " + firstLine(e), e);
        }
        return database;
    }

    /** A private database in memory, gone when closed: for dry runs when no database exists yet. */
    public static Database inMemory() {
        return open("jdbc:h2:mem:outreach-" + UUID.randomUUID());
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Function<Store, T> work) {
        try {
            return jdbi.inTransaction(handle -> work.apply(new Store(handle)));
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * Like {@link #transaction}, and when it returns the change is on the disk itself, not only in the operating
     * system's cache: it survives a power failure. H2 does not sync on commit (WRITE_DELAY=0 only guarantees
     * the commit reached the file), so an embedded database is synced explicitly; a database server (PostgreSQL)
     * syncs its own commits. Used where sending relies on the record: a claim before a message goes out, the
     * result right after.
     */
    public <T> T durableTransaction(Function<Store, T> work) {
        T result = transaction(work);
        if (embedded) {
            try {
                keepAlive.execute("CHECKPOINT SYNC");
            } catch (JdbiException e) {
                throw failure(e);
            }
        }
        return result;
    }

    /** Runs {@code work} in a transaction that is always rolled back: shows what a change would do. */
    public <T> T rehearse(Function<Store, T> work) {
        try {
            return jdbi.withHandle(handle -> {
                handle.begin();
                try {
                    return work.apply(new Store(handle));
                } finally {
                    handle.rollback();
                }
            });
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    private FailureException failure(JdbiException e) {
        return new FailureException("database error on " + Redaction.url(url) + ": " + firstLine(e), e);
    }

    private static String firstLine(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        keepAlive.close();
    }

    /** Instants are stored as UTC timestamps with time zone, the same on every database and every machine. */
    private static final class InstantArgument extends AbstractArgumentFactory<Instant> {

        InstantArgument() {
            super(Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.atOffset(ZoneOffset.UTC));
        }
    }
}
