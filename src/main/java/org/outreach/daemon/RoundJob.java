package org.outreach.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Quartz job: runs one round, never two at once. A failing round is logged and the next one tries again. */
@DisallowConcurrentExecution
public final class RoundJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(RoundJob.class);

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            ((Runnable) context.getScheduler().getContext().get(Daemon.ROUND)).run();
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        } catch (RuntimeException e) {
            LOG.error("this round failed, the next one will try again: {}", e.toString());
            LOG.debug("where the round failed", e);
        }
    }
}
