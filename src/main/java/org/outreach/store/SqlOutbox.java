package org.outreach.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.outreach.engine.Outbox;
import org.outreach.engine.OutboxMessage;

/**
 * The outbox on a SQL database. Written with Jdbi's core statements rather than SQL objects: this is the path
 * every message takes, and each statement here runs once per message.
 */
final class SqlOutbox implements Outbox {

    private final Database database;

    SqlOutbox(Database database) {
        this.database = database;
    }

    @Override
    public int countDue(Instant now) {
        return database.transaction(store -> store.messages().countDue(now));
    }

    @Override
    public List<String> sendersWithDue(Instant now) {
        return database.transaction(store -> store.messages().sendersWithDue(now));
    }

    @Override
    public List<OutboxMessage> due(String sender, Instant now, Collection<Long> waiting, int limit) {
        // -1 keeps the list, and so the SQL, valid when no campaign waits.
        List<Long> skipped = waiting.isEmpty() ? List.of(-1L) : List.copyOf(waiting);
        return database.inHandle(handle -> handle.createQuery(Messages.MESSAGE + """
                             join campaigns c on c.id = m.campaign_id
                             join contacts ct on ct.id = m.contact_id
                        where c.sender_email = :sender and c.state = 'active' and e.state = 'active'
                          and m.state in ('planned', 'retrying') and m.due_at <= :now
                          and m.campaign_id not in (<skipped>)
                          and not exists (select 1 from suppressions s where s.email_key = ct.email_key)
                        order by m.due_at, m.id
                        fetch first :limit rows only
                        """)
                .bind("sender", sender).bind("now", now).bindList("skipped", skipped).bind("limit", limit)
                .map(ConstructorMapper.of(OutboxMessage.class)).list());
    }

    @Override
    public Addressee addressee(OutboxMessage message) {
        long enrollment = message.enrollmentId();
        return database.inHandle(handle -> new Addressee(Enrollments.asLaunched(enrollment, fields(handle, enrollment)),
                earlier(handle, enrollment)));
    }

    private static Map<String, String> fields(Handle handle, long enrollmentId) {
        Map<String, String> fields = new LinkedHashMap<>();
        handle.createQuery(Enrollments.LAUNCHED_FIELDS)
                .bind("id", enrollmentId)
                .map((rs, ctx) -> fields.put(rs.getString(1), rs.getString(2))).forEach(ignored -> { });
        return fields;
    }

    private static List<Earlier> earlier(Handle handle, long enrollmentId) {
        return handle.createQuery(Messages.SENT_OF).bind("enrollment", enrollmentId).map(ConstructorMapper.of(Earlier.class)).list();
    }

    @Override
    public List<Instant> sentSince(String sender, Instant since) {
        return database.transaction(store -> store.messages().sentSince(sender, since));
    }

    @Override
    public List<OutboxMessage> interrupted() {
        return database.inHandle(handle -> handle.createQuery(Messages.MESSAGE + """
                        where m.state = 'sending'
                        order by m.id
                        """)
                .map(ConstructorMapper.of(OutboxMessage.class)).list());
    }

    @Override
    public <T> T durably(Function<Changes, T> work) {
        return database.durableTransaction(store -> work.apply(store.changes()));
    }
}
