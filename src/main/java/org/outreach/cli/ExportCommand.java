package org.outreach.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.outreach.campaign.FailureException;
import org.outreach.campaign.Plural;
import org.outreach.engine.CampaignControl;
import org.outreach.engine.CampaignExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Write one CSV row per contact of a campaign with its outcome (replied, bounced…).")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaign;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Where to write the CSV.")
    Path file;

    @Override
    public Integer call() {
        Context context = root.context();
        var database = context.existingDatabase()
                .orElseThrow(() -> CampaignControl.notLaunched(campaign));
        StringWriter csv = new StringWriter();
        int rows;
        try (database) {
            rows = database.transaction(store -> CampaignExport.write(store, campaign, csv));
        }
        try {
            Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
            context.out().printf("wrote %s to %s%n", Plural.of(rows, "contact"), file);
        } catch (IOException e) {
            throw new FailureException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
