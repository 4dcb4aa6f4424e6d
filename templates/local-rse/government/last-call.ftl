Hi ${contact.first_name},

A last note before the first ${vars.group_name} meetup on
${vars.meetup_date}, ${vars.meetup_time}. Anyone from your team is
welcome, even just for the first half hour:
${vars.rsvp_link}

No reply needed if it's not for you. Thank you for your time.

Best,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
