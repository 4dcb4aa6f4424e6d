Hi ${contact.first_name},

A short follow-up on my note about ${vars.group_name}. The first meetup
is on ${vars.meetup_date}, ${vars.meetup_time}, at ${vars.meetup_place}.

If the person who keeps your lab's code running might enjoy an evening
with others who do the same, forwarding them my email is all it takes.
And if it is not for you, no reply is needed.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
