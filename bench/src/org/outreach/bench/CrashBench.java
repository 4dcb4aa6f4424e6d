package org.outreach.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * The crash cost (bench/run, figure 5), the test suite's CrashTest as a measurement: a daemon sending N messages
 * is SIGKILLed K times while it sends and started again, against one uninterrupted run of the same N.
 * <p>
 * Two copies of one launched workspace (bench/run launches it: N contacts, one step, no window, caps of a billion)
 * send into a GreenMail SMTP server in this JVM (on a free port of 127.0.0.1), which counts what each recipient
 * received. Reference: one {@code daemon --once} in the first copy, timed. Then, in the second copy,
 * {@code daemon --once} is started, and killed with SIGKILL once the server has received i × N / (K + 1) messages
 * (i = 1…K), started again right after each kill; a last run sends the rest. Its time runs from the first start to
 * the last run's end. Then: the messages' states in the database (sent, unknown: those in flight at a kill, which
 * outreach never sends again by itself), the recipients who got a message twice (must be 0) and the messages
 * recorded sent that nobody received (must be 0).
 * <p>
 * Usage: {@code CrashBench JAR WS_REFERENCE WS_CRASHED MESSAGES KILLS}. Prints {@code key=value} pairs on one line.
 */
public final class CrashBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path reference = Path.of(args[1]);
        Path crashed = Path.of(args[2]);
        int messages = Integer.parseInt(args[3]);
        int kills = Integer.parseInt(args[4]);
        GreenMail smtp = Bench.greenMail(ServerSetup.PROTOCOL_SMTP);
        try {
            for (Path ws : new Path[] {reference, crashed}) {
                Bench.write(ws.resolve("outreach.yaml"), """
                        mail:
                          mode: smtp
                          smtp: {host: 127.0.0.1, port: %d, security: none, timeout: 10s}
                        """.formatted(Bench.port(smtp, ServerSetup.PROTOCOL_SMTP)));
            }
            Bench.Run ref = Bench.run(Bench.outreach(jar, reference, "daemon", "--once"), reference.resolve("daemon.log"), 1800);
            int refReceived = smtp.getReceivedMessages().length;
            if (ref.code() != 0 || refReceived != messages) {
                throw new IllegalStateException("the uninterrupted run received " + refReceived + " of " + messages + ": "
                        + ref.firstLine());
            }
            smtp.purgeEmailFromAllMailboxes();

            int landed = 0;
            long t0 = System.nanoTime();
            for (int i = 1; i <= kills; i++) {
                Process daemon = Bench.start(Bench.outreach(jar, crashed, "daemon", "--once"), crashed.resolve("daemon-kill-" + i + ".log"));
                int target = (int) ((long) i * messages / (kills + 1));
                while (daemon.isAlive() && !smtp.waitForIncomingEmail(100, target)) {
                    // waits for the server to have received the target count
                }
                if (daemon.isAlive()) {
                    daemon.destroyForcibly().waitFor();
                    landed++;
                }
            }
            Bench.Run last = Bench.run(Bench.outreach(jar, crashed, "daemon", "--once"), crashed.resolve("daemon-final.log"), 1800);
            double crashedSeconds = (System.nanoTime() - t0) / 1e9;
            if (last.code() != 0) {
                throw new IllegalStateException("the last run after the kills failed: " + last.firstLine());
            }
            Map<String, Long> received = Arrays.stream(smtp.getReceivedMessages())
                    .collect(Collectors.groupingBy(CrashBench::recipient, Collectors.counting()));
            long duplicates = received.values().stream().filter(n -> n > 1).count();
            Map<String, Long> states = states(crashed);
            long sentNotReceived = sentNotReceived(crashed, received);
            System.out.printf(Locale.ROOT, "messages=%d kills=%d landed=%d unknown=%d sent=%d other=%d duplicates=%d"
                            + " lost=%d received=%d crashed_s=%.2f reference_s=%.2f%n", messages, kills, landed,
                    states.getOrDefault("unknown", 0L), states.getOrDefault("sent", 0L),
                    states.entrySet().stream().filter(e -> !e.getKey().equals("sent") && !e.getKey().equals("unknown"))
                            .mapToLong(Map.Entry::getValue).sum(),
                    duplicates, sentNotReceived, received.size(), crashedSeconds, ref.seconds());
        } finally {
            smtp.stop();
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection database(Path ws) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + ws.resolve(".outreach/outreach").toAbsolutePath()
                + ";IFEXISTS=TRUE;AUTO_SERVER=TRUE", "", "");
    }

    /** How many messages the database holds in each state. */
    private static Map<String, Long> states(Path ws) throws Exception {
        Map<String, Long> states = new TreeMap<>();
        try (Connection c = database(ws); ResultSet rs = c.createStatement().executeQuery(
                "select lower(state), count(*) from messages where step = 'intro' group by lower(state)")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        }
        return states;
    }

    /** Messages recorded sent whose recipient the server never saw. */
    private static long sentNotReceived(Path ws, Map<String, Long> received) throws Exception {
        long lost = 0;
        try (Connection c = database(ws); ResultSet rs = c.createStatement().executeQuery(
                "select lower(c.email) from messages m join contacts c on c.id = m.contact_id where lower(m.state) = 'sent'")) {
            while (rs.next()) {
                lost += received.containsKey(rs.getString(1)) ? 0 : 1;
            }
        }
        return lost;
    }

}
