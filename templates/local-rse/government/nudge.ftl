Hi ${contact.first_name},

Following up briefly on ${vars.group_name}: our first meetup is on
${vars.meetup_date}, ${vars.meetup_time}, in
${vars.meetup_place}.

If someone on your team builds your pipelines or dashboards, they might
enjoy an evening with people doing similar work at the universities and
other agencies. Passing my note along to them is the one thing I'd ask.
If they'd like to come, here is the RSVP link:
${vars.rsvp_link}

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
