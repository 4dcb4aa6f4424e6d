Subject: A meetup for research software people, and a hosting question

Hi ${contact.first_name},

I'm ${sender.name}, and with a few others I'm starting ${vars.group_name},
a local group for research software engineers. That's anyone who writes
or maintains the code behind research and data work: people in
university labs and public agencies, but also freelancers, startup
engineers and consultants, many of whom work from coworking spaces.

They're often the only person doing that kind of work around them. A
local group gives them a place to swap technical know-how, to meet
people who get it without being co-workers, and to find out who is
doing what in the area.

Our first meetup:

<#include "/local-rse/_meetup.ftl">

As ${contact.title!"someone who runs a space"}, you probably know which
of your members write code for a living. Two small asks: could you
share this with them (a line in a newsletter or a note on the board is
plenty), and would ${contact.organization} consider hosting one of
our later meetups? We'd be twenty or so people on a weeknight evening,
we tidy up after ourselves, and we'd gladly credit the space.

Thanks,
<#include "/local-rse/_signature.ftl">
<#include "/local-rse/_opt-out.ftl">
