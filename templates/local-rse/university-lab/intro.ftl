Subject: A research software group for ${contact.city}, and your lab

Hi ${contact.first_name},

I'm ${sender.name}, and I write and maintain research code for a living.
A few of us are starting ${vars.group_name}, a local group for research
software engineers: the people who build and look after the software
behind research, whatever their job title says. In a lab that is often
one grad student, postdoc or staff programmer who keeps the analysis
pipeline alive and has nobody nearby to ask.

A local group is a place to trade what we have learned (testing,
packaging, HPC, data management), to meet people who know the work
without being co-workers, and to find out who is doing what around here.

Our first meetup is short and informal:

<#include "/local-rse/_meetup.ftl">

Would you or someone in ${contact.organization} like to come? If there
is a person in your lab who writes most of the code, I would be grateful
if you forwarded this to them.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
