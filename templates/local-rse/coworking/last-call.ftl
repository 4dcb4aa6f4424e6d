Hi ${contact.first_name},

A last note: the first ${vars.group_name} meetup is coming up on
${vars.meetup_date}, ${vars.meetup_time}. Your members are welcome,
and the link to share is ${vars.rsvp_link}

If hosting a later one ever appeals, my inbox is open. No reply needed
if it's not for you.

Best,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
