Hi ${contact.first_name},

One last note from me: the first ${vars.group_name} meetup is on
${vars.meetup_date}, ${vars.meetup_time}. Students, postdocs and staff
from your lab are all welcome, and a quick RSVP helps with the food:
${vars.rsvp_link}

No reply needed if it's not for you. Thanks for reading.

Best,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
