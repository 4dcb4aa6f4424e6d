Hi ${contact.first_name},

Just following up on my note about ${vars.group_name}. The first
meetup is on ${vars.meetup_date}, ${vars.meetup_time}, in
${vars.meetup_place}.

If any of your members write software for research or data work, a
mention in your newsletter or on the board would mean a lot. The link
to share is ${vars.rsvp_link}

And if hosting a future meetup sounds interesting, I'd be glad to talk
whenever it suits you.

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
