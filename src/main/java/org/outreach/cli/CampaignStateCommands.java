package org.outreach.cli;

import java.time.Instant;
import java.util.concurrent.Callable;

import org.outreach.campaign.Plural;
import org.outreach.engine.CampaignControl;
import org.outreach.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** pause, resume and cancel: a launched campaign's state, effective before the next message is claimed. */
abstract class CampaignStateCommands implements Callable<Integer> {

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", description = "The campaign's name or file.")
    String campaign;

    /** Changes the state; returns what to tell the user. */
    abstract String change(Store store, Instant now);

    @Override
    public Integer call() {
        Context context = root.context();
        // Only a launched campaign has a state to change: without a database there is none, and none is created.
        try (var database = context.existingDatabase().orElseThrow(() -> CampaignControl.notLaunched(campaign))) {
            String said = database.transaction(store -> change(store, context.clock().instant()));
            context.out().println(said);
        }
        return 0;
    }

    @Command(name = "pause", description = {"Stop sending a campaign's messages until it is resumed.",
            "Takes effect before the next message is claimed; due messages wait, nothing is lost."})
    static final class Pause extends CampaignStateCommands {

        @Override
        String change(Store store, Instant now) {
            String key = CampaignControl.pause(store, campaign, now);
            return "paused " + key + "; outreach resume " + key + " sends again";
        }
    }

    @Command(name = "resume", description = "Send a paused campaign's messages again; what came due meanwhile goes first.")
    static final class Resume extends CampaignStateCommands {

        @Override
        String change(Store store, Instant now) {
            return "resumed " + CampaignControl.resume(store, campaign, now);
        }
    }

    @Command(name = "cancel", description = {"Stop a campaign for good.",
            "Its messages not yet sent are cancelled and every sequence in it stops."})
    static final class Cancel extends CampaignStateCommands {

        @Override
        String change(Store store, Instant now) {
            int cancelled = CampaignControl.cancel(store, campaign, now);
            return "cancelled " + campaign + ": " + Plural.of(cancelled, "message") + " not sent yet "
                    + (cancelled == 1 ? "was" : "were") + " cancelled";
        }
    }
}
