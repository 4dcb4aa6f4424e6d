package org.outreach.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.EmailAddress;
import org.outreach.campaign.Plural;
import org.outreach.engine.ContactBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "suppress", description = {
        "Put an address on the do-not-contact list.",
        "No campaign will write to it again, and its messages not sent yet are cancelled."})
final class SuppressCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "EMAIL")
    String email;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for whoever reads the list later.")
    Optional<String> reason;

    @Override
    public Integer call() {
        Context context = root.context();
        EmailAddress address = EmailAddress.parse(email)
                .orElseThrow(() -> new BadInputException("\"" + email + "\" is not a valid email address"));
        ContactBook.Suppressed result;
        try (var database = context.database()) {
            result = database.transaction(store ->
                    ContactBook.suppress(store, address, reason, context.clock().instant()));
        }
        if (result.already()) {
            context.out().printf("%s was already suppressed%n", address);
        } else {
            context.out().printf("suppressed %s; %s cancelled%n", address, Plural.of(result.cancelled(), "planned message"));
        }
        return 0;
    }
}
