package org.outreach.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Plural;
import org.outreach.campaign.Problem;
import org.outreach.engine.CampaignCheck;
import org.outreach.engine.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = {
        "Check a campaign and render every email for every contact.",
        "Checks the definition, the contacts file and a template for every segment × step, then renders",
        "each template for each contact of its segment. Prints one line per problem, with the warnings the",
        "review page shows; warnings do not fail, unless --strict or strict: true in the campaign file."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign file, or its name (local-rse-launch).")
    String campaign;

    @Option(names = "--strict", description = "Count warnings as errors (exit 1), as strict: true in the campaign file does.")
    boolean strict;

    @Override
    public Integer call() {
        Context context = root.context();
        CampaignCheck check = context.check(context.campaignFile(campaign));
        Validation validation = check.orThrow(strict);
        List<Problem> warnings = check.warnings();
        warnings.forEach(w -> context.err().println(w));
        Campaign definition = validation.definition();
        int contacts = validation.bySegment().values().stream().mapToInt(java.util.List::size).sum();
        context.out().printf("%s is ready: %s, %s, %s in segments, %s rendered%s%n",
                context.workspace().display(definition.file()), Plural.of(definition.segments().size(), "segment"),
                Plural.of(definition.steps().size(), "step"), Plural.of(contacts, "contact"),
                Plural.of((long) contacts * definition.steps().size(), "email"),
                warnings.isEmpty() ? "" : ", " + Plural.of(warnings.size(), "warning"));
        return 0;
    }
}
