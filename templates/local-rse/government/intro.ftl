Subject: Meeting the people who build data pipelines in ${contact.city}

Hi ${contact.first_name},

I'm ${sender.name}, a volunteer organizer of ${vars.group_name}, a new
local group for people who write software for research and analysis.
I'm writing to you as ${contact.title!"someone"} at ${contact.organization}
because public-sector data teams do exactly this work: pipelines,
dashboards, models and the code that keeps them honest.

That work is often done by one or two people per team, with few peers to
compare notes with. A local group is a place to share what works (open
source tools, reproducible analyses, publishing open data), to meet
people who understand the job without being co-workers, and to know who
is doing what across the city, the universities and the parish.

Our first meetup is short and informal:

<#include "/local-rse/_meetup.ftl">

Would you or someone on your team like to join us? Forwarding this to
the person who writes most of your team's code would help a lot.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
