package org.outreach.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import org.outreach.engine.Outbox;

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
    /**
     * Connections kept open across transactions, so a transaction costs its statements and its commit only:
     * opening a connection per transaction cost more than the commit itself on the send path.
     */
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    /**
     * Held open for the life of the command, outside the pool (which retires its connections now and then): an
     * embedded database closes when its last connection does. Also where the embedded database is synced.
     */
    private final Connection keepAlive;
    /** Stores not in use, kept open for the next transaction (at most {@link #MAX_IDLE}). */
    private final Queue<Store> idle = new ConcurrentLinkedQueue<>();
    private static final int MAX_IDLE = 8;
    /** Durable commits made, and how many of them the last sync covered (guarded by {@link #syncLock}). */
    private final AtomicLong commits = new AtomicLong();
    private final Object syncLock = new Object();
    private long synced;

    private Database(String url) throws SQLException {
        this.url = url;
        this.embedded = url.startsWith("jdbc:h2:") && !url.matches("jdbc:h2:(mem|tcp|ssl):.*");
        this.keepAlive = DriverManager.getConnection(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("outreach");
        // A command or a daemon uses one connection at a time, or one per SMTP connection while it sends.
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
        this.jdbi = Jdbi.create(pool);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new InstantArgument());
        StateColumns.register(jdbi);
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        });
    }

    /** Opens (creating when needed) and upgrades the database at {@code url}. */
    public static Database open(String url) {
        Database database;
        try {
            database = new Database(url);
        } catch (SQLException | RuntimeException e) {
            throw new FailureException("cannot open the database " + Redaction.url(url) + ": " + firstLine(e), e);
        }
        try {
            Flyway.configure().dataSource(database.pool).locations("classpath:db/migration")
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
        return withStore(store -> store.handle().inTransaction(handle -> work.apply(store)));
    }

    /**
     * Runs {@code work} with a store of its own for the time it runs. Stores are kept open between uses, each on
     * one connection with its tables attached once: attaching Jdbi's SQL objects anew in every transaction cost
     * about a millisecond each (it copies the configuration and prepares every method), more than most
     * transactions. A store whose work failed is closed rather than used again.
     */
    private <T> T withStore(Function<Store, T> work) {
        Store store = idle.poll();
        try {
            if (store == null) {
                store = new Store(jdbi.open());
            }
            T result = work.apply(store);
            if (idle.size() < MAX_IDLE) {
                idle.offer(store);
            } else {
                store.handle().close();
            }
            return result;
        } catch (JdbiException e) {
            close(store);
            throw failure(e);
        } catch (RuntimeException | Error e) {
            close(store);
            throw e;
        }
    }

    private static void close(Store store) {
        if (store != null) {
            try {
                store.handle().close();
            } catch (RuntimeException e) {
                // It failed already; the connection goes back to the pool or is dropped by it.
            }
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
        sync(commits.incrementAndGet());
        return result;
    }

    /**
     * Puts every commit made so far on the disk itself. For H2, {@code CHECKPOINT SYNC} is the least that does:
     * with {@code WRITE_DELAY=0} each commit has already written its chunk, so the checkpoint only adds the
     * {@code fsync} (measured: about 0.2 ms here, as much as an {@code fsync} of an appended file).
     */
    private void sync(long commit) {
        if (!embedded) {
            return;
        }
        // A group commit: one sync covers every commit made before it started, so several connections sending
        // at once wait for one fsync together instead of one each.
        synchronized (syncLock) {
            if (synced >= commit) {
                return;
            }
            long upTo = commits.get();
            try (Statement statement = keepAlive.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                throw new FailureException("database error on " + Redaction.url(url) + ": " + firstLine(e), e);
            }
            synced = upTo;
        }
    }

    /** The outbox of this database: what sending reads and records. */
    public Outbox outbox() {
        return new SqlOutbox(this);
    }

    /** Runs {@code work} on a connection of the pool, for reads that need no transaction of their own. */
    <T> T inHandle(Function<Handle, T> work) {
        return withStore(store -> work.apply(store.handle()));
    }

    /** Runs {@code work} in a transaction that is always rolled back: shows what a change would do. */
    public <T> T rehearse(Function<Store, T> work) {
        return withStore(store -> {
            store.handle().begin();
            try {
                return work.apply(store);
            } finally {
                store.handle().rollback();
            }
        });
    }

    private FailureException failure(RuntimeException e) {
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
        for (Store store = idle.poll(); store != null; store = idle.poll()) {
            close(store);
        }
        pool.close();
        try {
            keepAlive.close();
        } catch (SQLException e) {
            // Closing after the work is done: nothing is lost, and the next command opens the file again.
        }
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
