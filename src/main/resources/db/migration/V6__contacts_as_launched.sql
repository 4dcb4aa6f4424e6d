-- What was approved is what is sent: each enrollment keeps the contact's row of the campaign's contacts file as
-- it was launched (the values the reviewer saw), and messages are rendered from it. Importing contacts again
-- changes the workspace's contacts, not a launched campaign; only a new launch (and, with review: required, a
-- new approval) does.
create table enrollment_fields (
    enrollment_id bigint not null references enrollments (id),
    name          varchar(200) not null,   -- every column of the row, email included; empty cells are not kept
    field_value   varchar(10000) not null,
    primary key (enrollment_id, name)
);

-- Enrollments launched before this migration keep the values the workspace holds now: the best there is.
insert into enrollment_fields (enrollment_id, name, field_value)
select e.id, f.name, f.field_value
from enrollments e join contact_fields f on f.contact_id = e.contact_id
where f.name <> 'email';

insert into enrollment_fields (enrollment_id, name, field_value)
select e.id, 'email', c.email
from enrollments e join contacts c on c.id = e.contact_id;

-- The contacts file as last launched, so status can say when it changed since; null for campaigns launched
-- before this migration, until their next launch.
alter table campaigns add column contacts_path varchar(1000);
alter table campaigns add column contacts_digest varchar(64);
alter table campaigns add column contacts_launched_at timestamp with time zone;
