package org.outreach.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
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
        long id = sql.idOf(contact.email().key())
                .map(existing -> {
                    sql.rename(existing, contact.email().value(), now);
                    return existing;
                })
                .orElseGet(() -> sql.insert(contact.email().value(), contact.email().key(), now));
        for (String column : columns) {
            if (!column.equals(Contact.EMAIL)) {
                sql.deleteField(id, column);
                contact.field(column).ifPresent(value -> sql.insertField(id, column, value));
            }
        }
        return id;
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

        @SqlUpdate("""
                insert into contacts (email, email_key, created_at, updated_at)
                values (:email, :key, :now, :now)
                """)
        @GetGeneratedKeys("id")
        long insert(@Bind("email") String email, @Bind("key") String key, @Bind("now") Instant now);

        @SqlUpdate("update contacts set email = :email, updated_at = :now where id = :id")
        void rename(@Bind("id") long id, @Bind("email") String email, @Bind("now") Instant now);

        @SqlUpdate("delete from contact_fields where contact_id = :id and name = :name")
        void deleteField(@Bind("id") long id, @Bind("name") String name);

        @SqlUpdate("insert into contact_fields (contact_id, name, field_value) values (:id, :name, :value)")
        void insertField(@Bind("id") long id, @Bind("name") String name, @Bind("value") String value);
    }
}
