package org.outreach.bench;

/** The idle reference of bench/run (figure 4): a JVM that only sleeps, the floor under any idle Java daemon. */
public final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
