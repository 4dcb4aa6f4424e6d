Subject: A meetup for the people who write your lab's code

Hi ${contact.first_name},

I'm ${sender.name}. I write and maintain research software for a living,
and with a few others I'm starting ${vars.group_name}, a local group for
research software engineers: the people who build and look after the
code behind research, whatever their job title says.

In a lab that is often one grad student, postdoc or staff programmer
who keeps the analysis pipeline running, and who has nobody down the
hall to ask when a cluster job dies or a dependency breaks. We'd like to
give those people a place to swap what they've learned (testing,
packaging, HPC, data management), to meet others who know the work
without being co-workers, and to find out who is doing what in the area.

The first meetup is small and informal, with food and an evening of
talk:

<#include "/local-rse/_meetup.ftl">

Would you like to come? And if someone in your lab writes most of the
code, could you forward this to them? They are exactly the people I'm
hoping to meet.
<#if contact.city == "Baton Rouge">

I know ${contact.city} is over an hour's drive. If a few people there
are interested, we'd be glad to hold a later meetup closer to you.
</#if>

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
