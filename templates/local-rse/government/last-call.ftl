Hi ${contact.first_name},

A last note: the first ${vars.group_name} meetup is next week, on
${vars.meetup_date}. Anyone from ${contact.organization} is welcome;
the RSVP link is ${vars.rsvp_link}

No reply needed if it's not for you. Thank you for your time.
<#include "/local-rse/_signature.ftl">
