package org.outreach.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.outreach.engine.Dispatcher;
import org.outreach.mail.Delivery;

/** A progress bar over the messages of a sending run, drawn only on a terminal (logs and pipes get the summary). */
final class Progress implements Dispatcher.Listener, AutoCloseable {

    private final PrintWriter out;
    private final ProgressBar bar;

    Progress(PrintWriter out, int total) {
        this.out = out;
        this.bar = System.console() == null || total == 0 ? null : new ProgressBarBuilder()
                .setTaskName("Sending").setInitialMax(total)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print("\r" + line);
                    out.flush();
                }))
                .build();
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

    static void summary(PrintWriter out, Dispatcher.Report report, int due) {
        out.printf("%d sent, %d to retry, %d failed, %d unknown (%d were due).%n", report.sent(), report.retrying(),
                report.failed(), report.unknown(), due);
    }
}
