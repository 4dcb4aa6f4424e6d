package org.outreach.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The idle daemon (bench/run, figure 4): the real long-running {@code outreach daemon} (default interval, 30 s)
 * with one launched campaign whose first step is days away, and, started at the same moment, a JVM that only
 * sleeps ({@link Sleeper}). For each: the CPU time it used (utime + stime of /proc/PID/stat) between FROM and
 * TO seconds after its start (the start itself, JIT and migrations, left out), as a share of one core, and its
 * largest resident set over its life (VmHWM of /proc/PID/status) at TO. The workspace's {@code outreach.yaml}
 * points SMTP and IMAP at a GreenMail server in this JVM, so that every round really reads an (empty) mailbox,
 * as a configured daemon does.
 * <p>
 * Usage: {@code IdleBench JAR WORKSPACE CAMPAIGN CLK_TCK FROM TO}; the workspace holds the campaign, not launched.
 * Prints {@code key=value} pairs on one line.
 */
public final class IdleBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path ws = Path.of(args[1]);
        String campaign = args[2];
        double tick = Double.parseDouble(args[3]);
        int from = Integer.parseInt(args[4]);
        int to = Integer.parseInt(args[5]);
        GreenMail greenMail = Bench.greenMail(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_IMAP);
        Process daemon = null;
        Process sleeper = null;
        try {
            greenMail.setUser("bench@example.org", "bench@example.org", "secret");
            Bench.write(ws.resolve("outreach.yaml"), """
                    mail:
                      mode: smtp
                      smtp: {host: 127.0.0.1, port: %d, security: none}
                      imap: {host: 127.0.0.1, port: %d, security: none, username: bench@example.org, password: secret}
                    """.formatted(Bench.port(greenMail, ServerSetup.PROTOCOL_SMTP), Bench.port(greenMail, ServerSetup.PROTOCOL_IMAP)));
            Bench.Run launch = Bench.run(Bench.outreach(jar, ws, "launch", campaign), ws.resolve("launch.log"), 300);
            if (launch.code() != 0) {
                throw new IllegalStateException("launch failed: " + launch.firstLine());
            }
            long t0 = System.nanoTime();
            daemon = Bench.start(Bench.outreach(jar, ws, "daemon"), ws.resolve("daemon.log"));
            sleeper = Bench.start(List.of(Bench.java(), "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()),
                    ws.resolve("sleeper.log"));
            sleepUntil(t0, from);
            long daemonFrom = ticks(daemon), sleeperFrom = ticks(sleeper);
            sleepUntil(t0, to);
            long daemonTo = ticks(daemon), sleeperTo = ticks(sleeper);
            long daemonHwm = kb(daemon, "VmHWM"), sleeperHwm = kb(sleeper, "VmHWM");
            long daemonRss = kb(daemon, "VmRSS"), sleeperRss = kb(sleeper, "VmRSS");
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon stopped: " + Files.readString(ws.resolve("daemon.log")).strip());
            }
            double span = to - from;
            double daemonCpu = (daemonTo - daemonFrom) / tick, sleeperCpu = (sleeperTo - sleeperFrom) / tick;
            System.out.printf(Locale.ROOT, "daemon_cpu_s=%.2f daemon_pct=%.3f daemon_hwm_mb=%.0f daemon_rss_mb=%.0f"
                            + " ref_cpu_s=%.2f ref_pct=%.3f ref_hwm_mb=%.0f ref_rss_mb=%.0f span_s=%.0f%n",
                    daemonCpu, 100 * daemonCpu / span, daemonHwm / 1024.0, daemonRss / 1024.0,
                    sleeperCpu, 100 * sleeperCpu / span, sleeperHwm / 1024.0, sleeperRss / 1024.0, span);
        } finally {
            for (Process p : new Process[] {daemon, sleeper}) {
                if (p != null) {
                    p.destroy();
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor();
                    }
                }
            }
            greenMail.stop();
        }
    }

    private static void sleepUntil(long t0, int seconds) throws InterruptedException {
        long left = t0 + seconds * 1_000_000_000L - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** utime + stime, in clock ticks: fields 14 and 15 of /proc/PID/stat, counted after the command's ")". */
    private static long ticks(Process p) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long kb(Process p, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + p.pid() + "/status");
    }
}
