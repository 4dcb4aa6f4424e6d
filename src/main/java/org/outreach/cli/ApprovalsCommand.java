package org.outreach.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.outreach.engine.ReviewModel;
import org.outreach.store.Approvals;
import org.outreach.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "approvals", description = "List a campaign's approvals, newest first, and whether the files still match.")
final class ApprovalsCommand implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN")
    String campaign;

    @Override
    public Integer call() {
        Context context = root.context();
        Path file = context.campaignFile(campaign);
        // Approvals are kept in the database: without one there are none yet, and listing them creates none.
        Optional<Database> existing = context.existingDatabase();
        if (existing.isEmpty()) {
            return noneYet(context);
        }
        try (var database = existing.get()) {
            ReviewModel model = ReviewModel.load(context.workspace(), file, database, context.clock());
            List<Approvals.Approval> approvals = model.approvals();
            if (approvals.isEmpty()) {
                return noneYet(context);
            }
            String current = model.content().map(c -> c.hash()).orElse("");
            java.time.ZoneId zone = model.campaign().map(c -> c.window().zone()).orElse(context.clock().getZone());
            Table table = new Table(Times.heading("APPROVED", zone), "BY", "CONTENT", "MATCHES THE FILES NOW");
            for (Approvals.Approval a : approvals) {
                table.row(Times.format(a.approvedAt(), zone), a.reviewer(), a.contentHash().substring(0, 12),
                        a.contentHash().equals(current) ? "yes" : "no");
            }
            table.print(context.out(), "");
        }
        return 0;
    }

    private int noneYet(Context context) {
        context.out().println("No approvals yet: outreach review " + campaign);
        return 0;
    }
}
