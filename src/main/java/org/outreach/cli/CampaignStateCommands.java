package org.outreach.cli;

import java.util.concurrent.Callable;

import org.outreach.engine.CampaignControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** pause, resume and cancel: a launched campaign's state, effective before the next message is claimed. */
final class CampaignStateCommands {

    private CampaignStateCommands() {
    }

    @Command(name = "pause", description = {"Stop sending a campaign's messages until it is resumed.",
            "Takes effect before the next message is claimed; due messages wait, nothing is lost."})
    static final class Pause implements Callable<Integer> {

        @ParentCommand
        OutreachCommand root;

        @Parameters(paramLabel = "CAMPAIGN")
        String campaign;

        @Override
        public Integer call() {
            Context context = root.context();
            try (var database = context.database()) {
                String key = database.transaction(store -> CampaignControl.pause(store, campaign, context.clock().instant()));
                context.out().printf("paused %s; outreach resume %s sends again%n", key, key);
            }
            return 0;
        }
    }

    @Command(name = "resume", description = "Send a paused campaign's messages again; what came due meanwhile goes first.")
    static final class Resume implements Callable<Integer> {

        @ParentCommand
        OutreachCommand root;

        @Parameters(paramLabel = "CAMPAIGN")
        String campaign;

        @Override
        public Integer call() {
            Context context = root.context();
            try (var database = context.database()) {
                String key = database.transaction(store -> CampaignControl.resume(store, campaign, context.clock().instant()));
                context.out().printf("resumed %s%n", key);
            }
            return 0;
        }
    }

    @Command(name = "cancel", description = {"Stop a campaign for good.",
            "Its messages not yet sent are cancelled and every sequence in it stops."})
    static final class Cancel implements Callable<Integer> {

        @ParentCommand
        OutreachCommand root;

        @Parameters(paramLabel = "CAMPAIGN")
        String campaign;

        @Override
        public Integer call() {
            Context context = root.context();
            try (var database = context.database()) {
                int cancelled = database.transaction(store -> CampaignControl.cancel(store, campaign, context.clock().instant()));
                context.out().printf("cancelled %s: %d messages not sent yet were cancelled%n", campaign, cancelled);
            }
            return 0;
        }
    }
}
