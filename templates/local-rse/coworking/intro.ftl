Subject: A meetup for research software people, maybe at ${contact.organization}?

Hi ${contact.first_name},

I'm ${sender.name}, and with a few others I'm starting ${vars.group_name},
a local group for research software engineers: people who write the
code behind research in labs, agencies and companies. Many of them work
alone in their organizations, and some of them probably work from
${contact.organization}.

A local group gives them a place to swap technical know-how, meet people
who share the experience without being co-workers, and find out who is
doing what around ${contact.city}.

Our first meetup:

<#include "/local-rse/_meetup.ftl">

Two small asks: would you share the invitation with your members, and
would ${contact.organization} consider hosting one of our future
meetups? We are about twenty people and bring our own snacks.
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
