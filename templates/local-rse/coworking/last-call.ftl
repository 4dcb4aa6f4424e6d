Hi ${contact.first_name},

A last note: the first ${vars.group_name} meetup is next week, on
${vars.meetup_date}. Your members are welcome: ${vars.rsvp_link}

No reply needed if it's not for you. Thanks, and good luck with the
space!
<#include "/local-rse/_signature.ftl">
