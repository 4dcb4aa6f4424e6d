package org.outreach.cli;

import java.util.concurrent.Callable;

import org.outreach.campaign.BadInputException;
import org.outreach.campaign.Campaign;
import org.outreach.engine.Validation;
import org.outreach.engine.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = {
        "Check a campaign and render every email for every contact.",
        "Checks the definition, the contacts file and a template for every segment × step, then renders",
        "each template for each contact of its segment. Prints one line per problem; warnings do not fail."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign file, or its name (local-rse-launch).")
    String campaign;

    @Override
    public Integer call() {
        Context context = root.context();
        Validation validation = new Validator(context.workspace()).validate(context.campaignFile(campaign));
        if (validation.hasErrors()) {
            throw new BadInputException(validation.problems());
        }
        validation.warnings().forEach(w -> context.err().println(w));
        Campaign definition = validation.definition();
        int contacts = validation.bySegment().values().stream().mapToInt(java.util.List::size).sum();
        context.out().printf("%s is ready: %d segments, %d steps, %d contacts in segments, %d emails rendered%s%n",
                context.workspace().display(definition.file()), definition.segments().size(), definition.steps().size(),
                contacts, contacts * definition.steps().size(),
                validation.warnings().isEmpty() ? "" : ", " + validation.warnings().size() + " warnings");
        return 0;
    }
}
