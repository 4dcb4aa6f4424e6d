  When:  ${vars.meetup_date}, ${vars.meetup_time}
  Where: ${vars.meetup_place},
         ${vars.meetup_address}
  RSVP:  ${vars.rsvp_link}
         (it helps us order enough food)
