package org.outreach.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.outreach.campaign.Contact;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.EnrollmentState;
import org.outreach.campaign.Location;

/** Which contacts are in which campaign, in which segment, and whether their sequence goes on. */
@RegisterConstructorMapper(Enrollments.Enrollment.class)
public interface Enrollments {

    /** The values of an enrollment's contact as launched, by column name. */
    String LAUNCHED_FIELDS = "select name, field_value from enrollment_fields where enrollment_id = :id order by name";

    record Enrollment(long id, long campaignId, long contactId, String email, String segment, EnrollmentState state,
                      String stopReason, Instant enrolledAt) {
    }

    @SqlQuery("""
            select e.id, e.campaign_id, e.contact_id, c.email, e.segment, e.state, e.stop_reason, e.enrolled_at
            from enrollments e join contacts c on c.id = e.contact_id
            where e.campaign_id = :campaign and e.contact_id = :contact
            """)
    Optional<Enrollment> find(@Bind("campaign") long campaignId, @Bind("contact") long contactId);

    @SqlQuery("""
            select e.id, e.campaign_id, e.contact_id, c.email, e.segment, e.state, e.stop_reason, e.enrolled_at
            from enrollments e join contacts c on c.id = e.contact_id
            where e.campaign_id = :campaign
            order by e.segment, c.email_key
            """)
    List<Enrollment> ofCampaign(@Bind("campaign") long campaignId);

    /** Enrolls a contact in a segment of a campaign: its sequence starts. */
    default long insert(long campaignId, long contactId, String segment, Instant now) {
        return insertAll(campaignId, List.of(contactId), List.of(segment), now).get(contactId);
    }

    /**
     * Enrolls many contacts at once, as {@link #insert} does one: {@code contactIds} and {@code segments} go in
     * pairs. Returns the enrollments' ids by contact.
     */
    default Map<Long, Long> insertAll(long campaignId, List<Long> contactIds, List<String> segments, Instant now) {
        insertRows(campaignId, contactIds, segments, now, EnrollmentState.ACTIVE);
        return idsOf(campaignId, contactIds);
    }

    @SqlBatch("""
            insert into enrollments (campaign_id, contact_id, segment, state, enrolled_at, updated_at)
            values (:campaign, :contact, :segment, :state, :now, :now)
            """)
    void insertRows(@Bind("campaign") long campaignId, @Bind("contact") List<Long> contactIds,
                    @Bind("segment") List<String> segments, @Bind("now") Instant now, @Bind("state") EnrollmentState state);

    /**
     * The enrollments in the campaign of those of {@code contactIds} that have one, by contact. The list goes
     * on the contacts' key: on the second column of the enrollments' key, H2 would read every enrollment of
     * the campaign for each list, which makes a large launch quadratic.
     */
    @SqlQuery("""
            select e.contact_id, e.id
            from contacts c join enrollments e on e.contact_id = c.id and e.campaign_id = :campaign
            where c.id in (<contacts>)
            """)
    @KeyColumn("contact_id")
    @ValueColumn("id")
    Map<Long, Long> idsOf(@Bind("campaign") long campaignId,
                          @BindList(value = "contacts", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Long> contactIds);

    /**
     * Keeps the contact's row as this launch read it: what the enrollment's messages are rendered from, so that
     * a later import of other values cannot change an email after it was reviewed.
     */
    default void keepAsLaunched(long id, Contact contact) {
        keepAllAsLaunched(Map.of(id, contact));
    }

    /** Keeps the row of each of many enrollments' contacts, as {@link #keepAsLaunched} does one, in two statements. */
    default void keepAllAsLaunched(Map<Long, Contact> byEnrollment) {
        if (byEnrollment.isEmpty()) {
            return;
        }
        deleteLaunchedFields(List.copyOf(byEnrollment.keySet()));
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        byEnrollment.forEach((id, contact) -> contact.fields().forEach((name, value) -> {
            ids.add(id);
            names.add(name);
            values.add(value);
        }));
        insertLaunchedFields(ids, names, values);
    }

    /** The contact as the campaign was launched with them: the values its messages are rendered from. */
    default Contact asLaunched(long id) {
        return asLaunched(id, launchedFields(id));
    }

    /** The contact of enrollment {@code id} from its values as launched. */
    static Contact asLaunched(long id, Map<String, String> fields) {
        String email = fields.get(Contact.EMAIL);
        if (email == null) {
            throw new IllegalStateException("bug: enrollment " + id + " has no contact values as launched");
        }
        return new Contact(new EmailAddress(email), fields, Location.of(email));
    }

    @SqlUpdate("delete from enrollment_fields where enrollment_id in (<ids>)")
    void deleteLaunchedFields(@BindList("ids") List<Long> ids);

    @SqlBatch("insert into enrollment_fields (enrollment_id, name, field_value) values (:id, :name, :value)")
    void insertLaunchedFields(@Bind("id") List<Long> ids, @Bind("name") List<String> names, @Bind("value") List<String> values);

    @SqlQuery(LAUNCHED_FIELDS)
    @KeyColumn("name")
    @ValueColumn("field_value")
    Map<String, String> launchedFields(@Bind("id") long id);

    // Like the cancels of messages, these stop any number of sequences, none included.

    default int stopCampaign(long campaignId, String reason, Instant now) {
        return stop("campaign_id", campaignId, reason, now);
    }

    @SqlUpdate("""
            update enrollments set state = :to, stop_reason = :reason, updated_at = :now
            where <owner> = :id and state in (<from>)
            """)
    int stopRows(@Define("owner") String ownerColumn, @Bind("id") long id, @Bind("reason") String reason,
                 @Bind("now") Instant now, @Bind("to") EnrollmentState to, @BindList("from") List<EnrollmentState> from);

    private int stop(String ownerColumn, long id, String reason, Instant now) {
        return stopRows(ownerColumn, id, reason, now, EnrollmentState.STOPPED, EnrollmentState.movingTo(EnrollmentState.STOPPED));
    }

    /**
     * One enrollment with what happened in it, for exports. {@code lastReplyAt} is when the latest reply was
     * recorded, and {@code suppressedAt} when the address was put on the do-not-contact list after enrolling
     * (with {@code suppressedAs}, its source): both by this program's clock, so they compare.
     */
    record Outcome(String email, long contactId, String segment, EnrollmentState state, String stopReason, int sent,
                   Instant lastSentAt, Instant repliedAt, int autoReplies, Instant lastReplyAt, String suppressedAs,
                   Instant suppressedAt) {
    }

    // A reply without a Date header has no received_at: when it was recorded stands in for it.
    @SqlQuery("""
            select c.email, c.id as contact_id, e.segment, e.state, e.stop_reason,
                   (select count(*) from messages m where m.enrollment_id = e.id and m.state = 'sent') as sent,
                   (select max(m.sent_at) from messages m where m.enrollment_id = e.id and m.state = 'sent') as last_sent_at,
                   (select min(coalesce(i.received_at, i.recorded_at)) from inbound i
                     where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id and i.kind = 'reply') as replied_at,
                   (select count(*) from inbound i where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id
                      and i.kind = 'auto-reply') as auto_replies,
                   (select max(i.recorded_at) from inbound i
                     where i.contact_id = e.contact_id and i.campaign_id = e.campaign_id and i.kind = 'reply') as last_reply_at,
                   s.source as suppressed_as, s.created_at as suppressed_at
            from enrollments e join contacts c on c.id = e.contact_id
                 left join suppressions s on s.email_key = c.email_key and s.created_at >= e.enrolled_at
            where e.campaign_id = :campaign
            order by e.segment, c.email_key
            """)
    @RegisterConstructorMapper(Outcome.class)
    List<Outcome> outcomes(@Bind("campaign") long campaignId);

    @SqlQuery("select count(*) from enrollments where id = :id and state = 'active'")
    int countActive(@Bind("id") long id);

    default boolean isActive(long id) {
        return countActive(id) == 1;
    }

    /** Stops every sequence of a contact, in every campaign. */
    default int stopAll(long contactId, String reason, Instant now) {
        return stop("contact_id", contactId, reason, now);
    }

    /** Campaign key and segment of every enrollment of a contact, for listings. */
    @SqlQuery("""
            select c.campaign_key || ':' || e.segment
            from enrollments e join campaigns c on c.id = e.campaign_id
            where e.contact_id = :contact
            order by c.campaign_key
            """)
    List<String> placesOf(@Bind("contact") long contactId);
}
