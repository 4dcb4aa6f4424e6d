package org.outreach.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.outreach.engine.Delivery;
import org.outreach.engine.Round;

/** A progress bar over the messages of a sending run, drawn only on a terminal (logs and pipes get the summary). */
final class Progress implements Round.Listener, AutoCloseable {

    private final PrintWriter out;
    private ProgressBar bar;

    Progress(PrintWriter out) {
        this.out = out;
    }

    /** The bar starts once the round knows how many messages are due (after reading the replies). */
    @Override
    public void sending(int due) {
        if (bar == null && System.console() != null && due > 0) {
            bar = new ProgressBarBuilder().setTaskName("Sending").setInitialMax(due)
                    .setConsumer(new DelegatingProgressBarConsumer(line -> {
                        out.print("\r" + line);
                        out.flush();
                    }))
                    .build();
        }
    }

    @Override
    public void recorded(String email, String step, Delivery.Outcome outcome, String detail) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            out.println();
        }
    }
}
