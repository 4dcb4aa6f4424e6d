package org.outreach.cli;

import java.util.List;

import org.outreach.engine.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running daemon's log (journalctl, cron.log): a line for each reply, bounce or unsubscribe, one for each
 * round that sent something, and why messages wait whenever that changes — not every 30 seconds of a closed window
 * all night.
 */
final class RoundLog {

    /** The daemon's own logger, at INFO while the libraries' stay at WARN (logback.xml). */
    private static final Logger LOG = LoggerFactory.getLogger("org.outreach.daemon");

    private List<String> waitingBefore = List.of();

    void log(Round.Report report) {
        if (report.recovered() > 0) {
            LOG.warn("{}", RoundLines.recovered(report.recovered()));
        }
        report.received().forEach(r -> LOG.info("{}", RoundLines.received(r)));
        if (report.sending().total() > 0) {
            LOG.info("{}", RoundLines.summary(report.sending(), report.due()));
        }
        List<String> waiting = report.waiting().stream().map(RoundLines::waiting).toList();
        if (!waiting.equals(waitingBefore)) {
            waiting.forEach(w -> LOG.info("{}", w));
        }
        waitingBefore = waiting;
        report.problems().forEach(p -> LOG.error("{}", p));
    }
}
