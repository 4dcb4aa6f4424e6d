-- Sending: when a message was first tried (retries give up after an age), when it was claimed for sending,
-- and the answer of the mail server.

alter table messages add column first_attempt_at timestamp with time zone;
alter table messages add column claimed_at timestamp with time zone;
alter table messages add column server_reply varchar(2000);

-- the claim query of the sending job: due messages of one sender mailbox
create index messages_by_campaign_state_due on messages (campaign_id, state, due_at);
