Hi ${contact.first_name},

Following up briefly on ${vars.group_name}. Our first meetup is on
${vars.meetup_date}, ${vars.meetup_time}, at ${vars.meetup_place}.

If someone on your team builds your pipelines or dashboards, they might
enjoy an evening with others doing the same in universities and other
agencies. Forwarding my note to them is the one thing I'd ask.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
