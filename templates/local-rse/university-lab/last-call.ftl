Hi ${contact.first_name},

Last note from me: the first ${vars.group_name} meetup is next week,
${vars.meetup_date}. Students, postdocs and staff from
${contact.organization} are very welcome: ${vars.rsvp_link}

No reply needed if it's not for you. Thanks for reading!
<#include "/local-rse/_signature.ftl">
