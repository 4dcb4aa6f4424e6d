Hi ${contact.first_name},

A quick follow-up on my note about ${vars.group_name}, in case it got
buried. The first meetup is on ${vars.meetup_date}, ${vars.meetup_time},
in ${vars.meetup_place}.

The one thing I'd ask: if someone in your lab keeps the code running
(a grad student, a postdoc, a staff programmer), could you forward my
first email to them? When you're the only one in your group doing that
work, an evening with people who do the same goes a long way.

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
