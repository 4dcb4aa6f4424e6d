package org.outreach.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * The Quick start: runs the example campaign through the commands a user would type, showing each one, so the
 * first thing a newcomer sees is the real workflow and not a special mode.
 */
@Command(name = "demo", description = {
        "Run the example campaign: validate, preview one email, show the launch plan.",
        "Uses embedded defaults and writes nothing. Each command is printed before it runs."})
final class DemoCommand implements Callable<Integer> {

    static final String EXAMPLE = "campaigns/local-rse-launch.yaml";

    @ParentCommand
    OutreachCommand root;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Default: " + EXAMPLE)
    String campaign = EXAMPLE;

    @Override
    public Integer call() {
        List<String[]> steps = List.of(
                new String[] {"validate", campaign},
                new String[] {"preview", campaign, "--segment", "university-labs", "--step", "intro"},
                new String[] {"launch", campaign, "--dry-run"});
        for (String[] step : steps) {
            root.environment().out().println("$ outreach " + String.join(" ", step));
            int code = Main.commandLine(root.environment()).execute(withGlobalOptions(step));
            root.environment().out().println();
            if (code != 0) {
                return code;
            }
        }
        root.environment().out().println("Next: outreach launch " + campaign + " enrolls the contacts for real;"
                + " outreach status shows where the campaign stands.");
        return 0;
    }

    private String[] withGlobalOptions(String[] step) {
        List<String> args = new ArrayList<>(List.of("--workspace", root.workspace.toString()));
        root.config.ifPresent(c -> args.addAll(List.of("--config", c.toString())));
        args.addAll(List.of(step));
        return args.toArray(String[]::new);
    }
}
