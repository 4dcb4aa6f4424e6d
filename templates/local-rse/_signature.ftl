${sender.name}
${vars.group_name} (volunteer organizer)
${sender.email}
