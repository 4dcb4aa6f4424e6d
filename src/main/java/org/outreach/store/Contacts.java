package org.outreach.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Location;

/** Contacts of the whole workspace, one per address, whatever file or campaign brought them in. */
public final class Contacts {

    private final Handle handle;
    private final Sql sql;

    Contacts(Handle handle) {
        this.handle = handle;
        this.sql = handle.attach(Sql.class);
    }

    /** The stored identity of a contact. */
    public record Stored(long id, Contact contact) {
    }

    /**
     * Adds the contact, or updates the one with the same address: the columns of this file replace the stored
     * values of those columns (an empty cell removes it); columns this file does not have are kept.
     */
    public long save(Contact contact, List<String> columns, Instant now) {
        return saveAll(List.of(contact), columns, now).get(contact.email().key());
    }

    /**
     * Saves each of {@code contacts} (different addresses) as {@link #save} does, in a few statements for all
     * of them rather than a few for each: a launch brings in a whole contacts file. Returns their ids by
     * address key.
     */
    public Map<String, Long> saveAll(List<Contact> contacts, List<String> columns, Instant now) {
        List<String> keys = contacts.stream().map(c -> c.email().key()).toList();
        Map<String, Long> existing = idsOf(keys);
        try (PreparedBatch renames = handle.prepareBatch("update contacts set email = :email, updated_at = :now where id = :id");
             PreparedBatch inserts = handle.prepareBatch("""
                     insert into contacts (email, email_key, created_at, updated_at)
                     values (:email, :key, :now, :now)
                     """)) {
            for (Contact contact : contacts) {
                Long id = existing.get(contact.email().key());
                PreparedBatch batch = id == null ? inserts.bind("key", contact.email().key()) : renames.bind("id", id);
                batch.bind("email", contact.email().value()).bind("now", now).add();
            }
            execute(renames);
            execute(inserts);
        }
        Map<String, Long> ids = existing.size() == contacts.size() ? existing : idsOf(keys);
        List<String> fileColumns = columns.stream().filter(column -> !column.equals(Contact.EMAIL)).toList();
        if (fileColumns.isEmpty()) {
            return ids;
        }
        handle.createUpdate("delete from contact_fields where contact_id in (<ids>) and name in (<names>)")
                .bindList("ids", List.copyOf(ids.values())).bindList("names", fileColumns).execute();
        try (PreparedBatch fields = handle.prepareBatch(
                "insert into contact_fields (contact_id, name, field_value) values (:id, :name, :value)")) {
            for (Contact contact : contacts) {
                long id = ids.get(contact.email().key());
                for (String column : fileColumns) {
                    contact.field(column).ifPresent(value -> fields.bind("id", id).bind("name", column)
                            .bind("value", value).add());
                }
            }
            execute(fields);
        }
        return ids;
    }

    private Map<String, Long> idsOf(List<String> keys) {
        return handle.createQuery("select email_key, id from contacts where email_key in (<keys>)")
                .bindList("keys", keys)
                .setMapKeyColumn("email_key").setMapValueColumn("id")
                .collectInto(new GenericType<Map<String, Long>>() {
                });
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    public Optional<Stored> find(EmailAddress email) {
        return sql.idOf(email.key()).map(id -> new Stored(id, contact(sql.email(id), sql.fields(id))));
    }

    public Contact byId(long id) {
        return contact(sql.email(id), sql.fields(id));
    }

    /** Every contact, by address. */
    public List<Stored> all() {
        Map<Long, Map<String, String>> fields = new LinkedHashMap<>();
        Map<Long, String> emails = new LinkedHashMap<>();
        handle.createQuery("""
                        select c.id, c.email, f.name, f.field_value
                        from contacts c left join contact_fields f on f.contact_id = c.id
                        order by c.email_key, f.name
                        """)
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    emails.put(id, rs.getString("email"));
                    Map<String, String> row = fields.computeIfAbsent(id, k -> new LinkedHashMap<>());
                    if (rs.getString("name") != null) {
                        row.put(rs.getString("name"), rs.getString("field_value"));
                    }
                    return id;
                })
                .list();
        List<Stored> contacts = new ArrayList<>();
        emails.forEach((id, email) -> contacts.add(new Stored(id, contact(email, fields.get(id)))));
        return contacts;
    }

    private static Contact contact(String email, Map<String, String> fields) {
        return new Contact(new EmailAddress(email), fields, Location.of(email));
    }

    interface Sql {

        @SqlQuery("select id from contacts where email_key = :key")
        Optional<Long> idOf(@Bind("key") String key);

        @SqlQuery("select email from contacts where id = :id")
        String email(@Bind("id") long id);

        @SqlQuery("select name, field_value from contact_fields where contact_id = :id order by name")
        @KeyColumn("name")
        @ValueColumn("field_value")
        Map<String, String> fields(@Bind("id") long id);

    }
}
