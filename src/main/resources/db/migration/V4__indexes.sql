-- Indexes for the queries of sending and reply tracking. H2 indexes foreign keys by itself; PostgreSQL does not.
create index messages_by_enrollment on messages (enrollment_id, step_number);
create index messages_by_contact on messages (contact_id, state);
create index messages_by_sent_at on messages (sent_at);
create index enrollments_by_contact on enrollments (contact_id, state);
create index history_by_message on history (message_id);
