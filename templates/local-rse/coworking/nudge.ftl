Hi ${contact.first_name},

Just following up on my note about ${vars.group_name}. The first meetup
is on ${vars.meetup_date} at ${vars.meetup_place}.

If some of your members write software for research or data work, a
mention in your newsletter or on your board would mean a lot. And if
hosting a future meetup sounds interesting, I'd be glad to talk.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
