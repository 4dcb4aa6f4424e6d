package org.outreach.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reply polling (bench/run, figure 5): how long the real {@code outreach replies poll} takes to read 100 new
 * messages in a mailbox that holds 10,000 already read, against reading 100 new ones in a mailbox that holds only
 * those 100. The goal of the issue: within 2×, that is, a poll costs what is new, not what the mailbox holds.
 * <p>
 * The IMAP server is Dovecot, started by bench/run on a free port of 127.0.0.1 with Maildirs under MAILROOT, one
 * per login: {@code big@example.org} and {@code small@example.org}; each has a workspace whose
 * {@code outreach.yaml} points {@code mail.imap} at it (security none). Messages are written straight into the
 * Maildir's {@code new/} folder, as a delivery agent does (fast). Not GreenMail: its IMAP server looks each
 * message of a FETCH up by walking the whole folder, so with 10,000 messages in it one FETCH of one message takes
 * seconds (5.5 s measured), which would make this figure measure GreenMail. Every message is an ordinary letter of
 * about 2 KB from an address no campaign knows, with its own Message-ID: what fills a real mailbox, and what the
 * poll must read, classify, try to match and record.
 * <p>
 * Setup (not measured): {@code big} gets the 10,000 and {@code replies poll} runs until it reads nothing new (it
 * reads at most a batch per run: 20 runs of 500 today); {@code small}'s empty mailbox is polled once. Measured,
 * twice alternated, the better time of each kept: 100 new messages delivered to each mailbox, then one
 * {@code replies poll} of each, timed as the organizer's command: the whole process, JVM start included. Then an
 * empty poll of each (nothing new), the fixed cost of a poll.
 * <p>
 * Usage: {@code PollBench JAR WORKDIR HELD NEW PORT MAILROOT}. Prints {@code key=value} pairs on one line.
 */
public final class PollBench {

    private static final Pattern READ = Pattern.compile("Read (no|\\d+) new messages? from");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int held = Integer.parseInt(args[2]);
        int fresh = Integer.parseInt(args[3]);
        int port = Integer.parseInt(args[4]);
        Path mailRoot = Path.of(args[5]);
        Path big = maildir(mailRoot, "big@example.org");
        Path small = maildir(mailRoot, "small@example.org");
        Path bigWs = workspace(work.resolve("poll-big"), port, "big@example.org");
        Path smallWs = workspace(work.resolve("poll-small"), port, "small@example.org");

        long t0 = System.nanoTime();
        deliver(big, "old", held);
        double fill = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        int setupRuns = 0;
        long setupRead = 0;
        while (setupRuns < held / 50 + 5) {
            Bench.Run run = poll(jar, bigWs, work.resolve("poll-setup.log"));
            setupRuns++;
            int read = read(run);
            setupRead += read;
            if (read == 0) {
                break;
            }
        }
        double setup = (System.nanoTime() - t0) / 1e9;
        if (setupRead != held) {
            throw new IllegalStateException("the setup polls read " + setupRead + " of the " + held + " messages in "
                    + setupRuns + " runs");
        }
        read(poll(jar, smallWs, work.resolve("poll-setup-small.log")));

        double bestBig = Double.MAX_VALUE, bestSmall = Double.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            deliver(big, "new" + round, fresh);
            deliver(small, "new" + round, fresh);
            Bench.Run b = poll(jar, bigWs, work.resolve("poll-big.log"));
            Bench.Run s = poll(jar, smallWs, work.resolve("poll-small.log"));
            expect(b, fresh);
            expect(s, fresh);
            bestBig = Math.min(bestBig, b.seconds());
            bestSmall = Math.min(bestSmall, s.seconds());
        }
        Bench.Run bigEmpty = poll(jar, bigWs, work.resolve("poll-big-empty.log"));
        Bench.Run smallEmpty = poll(jar, smallWs, work.resolve("poll-small-empty.log"));
        expect(bigEmpty, 0);
        expect(smallEmpty, 0);
        System.out.printf(Locale.ROOT, "big_s=%.2f small_s=%.2f big_empty_s=%.2f small_empty_s=%.2f fill_s=%.2f setup_s=%.1f"
                        + " setup_runs=%d held=%d new=%d%n", bestBig, bestSmall, bigEmpty.seconds(), smallEmpty.seconds(), fill,
                setup, setupRuns, held, fresh);
    }

    /** The login's Maildir, open to the user Dovecot reads it as. */
    private static Path maildir(Path root, String user) throws Exception {
        Path dir = root.resolve(user).resolve("Maildir");
        for (String sub : new String[] {"new", "cur", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        for (Path p : new Path[] {root, root.resolve(user), dir, dir.resolve("new"), dir.resolve("cur"), dir.resolve("tmp")}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        return dir;
    }

    /** Writes {@code n} letters into {@code new/}, each through {@code tmp/} and a rename, as delivery agents do. */
    private static void deliver(Path maildir, String batch, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String name = "1700000000." + batch + "_" + i + ".bench";
            Path tmp = maildir.resolve("tmp").resolve(name);
            Files.writeString(tmp, letter(batch, i), StandardCharsets.US_ASCII);
            Files.move(tmp, maildir.resolve("new").resolve(name));
        }
    }

    private static Path workspace(Path dir, int port, String user) throws Exception {
        Bench.write(dir.resolve("campaigns/README"), "No campaign: replies poll reads the configured mailbox all the same.\n");
        Bench.write(dir.resolve("outreach.yaml"), """
                mail:
                  mode: smtp
                  smtp: {host: 127.0.0.1, port: 25, security: none}
                  imap: {host: 127.0.0.1, port: %d, security: none, username: %s, password: secret}
                """.formatted(port, user));
        return dir;
    }

    private static Bench.Run poll(Path jar, Path workspace, Path log) throws Exception {
        Bench.Run run = Bench.run(Bench.outreach(jar, workspace, "replies", "poll"), log, 600);
        if (run.code() != 0) {
            throw new IllegalStateException("replies poll failed: " + run.firstLine());
        }
        return run;
    }

    private static int read(Bench.Run run) {
        Matcher m = READ.matcher(run.output());
        if (!m.find()) {
            throw new IllegalStateException("replies poll did not say what it read: " + run.firstLine());
        }
        return m.group(1).equals("no") ? 0 : Integer.parseInt(m.group(1));
    }

    private static void expect(Bench.Run run, int n) {
        int read = read(run);
        if (read != n) {
            throw new IllegalStateException("a poll read " + read + " new messages, not " + n + ": " + run.firstLine());
        }
    }

    /** An ordinary letter of about 2 KB from someone no campaign writes to. */
    static String letter(String batch, int i) {
        StringBuilder m = new StringBuilder()
                .append("Return-Path: <writer").append(i).append("@elsewhere.example.com>\r\n")
                .append("From: Writer ").append(i).append(" <writer").append(i).append("@elsewhere.example.com>\r\n")
                .append("To: mailbox@example.org\r\n")
                .append("Subject: About the meeting, part ").append(i).append(" (").append(batch).append(")\r\n")
                .append("Date: Thu, 3 Dec 2026 10:00:00 +0000\r\n")
                .append("Message-ID: <").append(batch).append('.').append(i).append("@elsewhere.example.com>\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n")
                .append("Hello,\r\n\r\n");
        for (int line = 0; line < 24; line++) {
            m.append("This is line ").append(line).append(" of an ordinary letter that has nothing to do with a campaign.\r\n");
        }
        return m.append("\r\nBest,\r\nWriter ").append(i).append("\r\n").toString();
    }
}
