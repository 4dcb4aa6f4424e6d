package org.outreach.daemon;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.outreach.campaign.FailureException;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The long-running shell: a Quartz scheduler that runs one round of work (send what is due, …) every
 * {@code interval}, one round at a time, until told to stop. Quartz holds no state worth keeping: the database
 * says what is due, so a restarted daemon carries on where the last one stopped.
 */
public final class Daemon {

    static final String ROUND = "round";

    private final Runnable round;
    private final Duration interval;

    public Daemon(Runnable round, Duration interval) {
        this.round = round;
        this.interval = interval;
    }

    /** Runs rounds until {@code stopping} is set; a round in progress is allowed to finish. */
    public void run(AtomicBoolean stopping) {
        Scheduler scheduler = scheduler();
        try {
            scheduler.getContext().put(ROUND, round);
            JobDetail job = JobBuilder.newJob(RoundJob.class).withIdentity("round").build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("every-interval").startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, trigger);
            scheduler.start();
            synchronized (stopping) {
                while (!stopping.get()) {
                    stopping.wait(1_000);
                }
            }
        } catch (SchedulerException e) {
            throw new FailureException("the scheduler failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            shutdown(scheduler);
        }
    }

    private static Scheduler scheduler() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "outreach");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        try {
            return new StdSchedulerFactory(p).getScheduler();
        } catch (SchedulerException e) {
            throw new FailureException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    private static void shutdown(Scheduler scheduler) {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new FailureException("the scheduler did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
