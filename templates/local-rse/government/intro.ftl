Subject: A local meetup for people who build data pipelines

Hi ${contact.first_name},

I'm ${sender.name}, and with a few others I'm starting ${vars.group_name},
a local group for the people who write and maintain the software behind
research and analysis. We call them research software engineers, but
most have another title: analyst, data engineer, GIS specialist.

Public-sector data teams do a lot of this work: the pipelines that pull
in raw records, the dashboards people rely on, the scripts that publish
open data every night. Often one or two people carry all of it, with
nobody nearby doing the same thing. A local group is a place to compare
notes (open-source tools, reproducible reports, publishing open data),
to meet people who understand the job without being co-workers, and to
learn who is doing what across the agencies and universities here.

The first meetup is informal, with food and conversation:

<#include "/local-rse/_meetup.ftl">

Would you like to come? And if someone on your team writes most of the
code, I'd be grateful if you passed this along to them.
<#if contact.city == "Baton Rouge">

I know it's a drive from ${contact.city}. If there is interest there,
we'd be glad to hold a later meetup closer to you.
</#if>

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
