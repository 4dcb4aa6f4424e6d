package org.outreach.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestMail;
import org.outreach.TestWorkspace;

/**
 * Nothing lost, nothing twice, proven the hard way: a daemon in a child JVM sends a few hundred messages to a
 * real SMTP server and is killed with SIGKILL at random moments, several times. After one last clean run, every
 * contact got its email exactly once, except messages marked unknown (at most one per kill), and none was skipped.
 */
class CrashTest {

    private static final int CONTACTS = 400;
    private static final int KILLS = 5;

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void a_daemon_killed_at_random_moments_sends_every_message_exactly_once_or_marks_it_unknown() throws Exception {
        TestWorkspace workspace = workspace();
        // The children run on the real clock: launch on it too, so everything is due now.
        assertThat(workspace.at(java.time.Instant.now()).run("launch", "launch").code()).isZero();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);

        int killed = 0;
        for (int i = 0; i < KILLS; i++) {
            Process daemon = daemon(workspace, "kill-" + i);
            // Kill it while it sends: once the server has seen a random number of further messages.
            int target = SMTP.getReceivedMessages().length + 1 + random.nextInt(CONTACTS / (2 * KILLS));
            while (daemon.isAlive() && SMTP.getReceivedMessages().length < target) {
                Thread.sleep(random.nextInt(3));
            }
            if (daemon.isAlive()) {
                daemon.destroyForcibly().waitFor();
                killed++;
            }
        }
        long beforeLastRun = SMTP.getReceivedMessages().length;
        Process last = daemon(workspace, "final");
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as("the final run ends cleanly (seed %d); it said:%n%s", seed,
                workspace.read("daemon-final.log")).isZero();

        Map<String, Long> received = Arrays.stream(SMTP.getReceivedMessages())
                .collect(Collectors.groupingBy(TestMail::recipient, Collectors.counting()));
        List<String> unknown = addresses(workspace, "unknown");
        List<String> sent = addresses(workspace, "sent");
        System.out.printf("crash test: %d kills, %d sent, %d of unknown fate (%d of those delivered), seed %d%n", killed,
                sent.size(), unknown.size(), unknown.stream().filter(received::containsKey).count(), seed);
        assertThat(addresses(workspace, "planned")).as("nothing skipped (seed %d); the last run said:%n%s", seed,
                workspace.read("daemon-final.log")).isEmpty();
        assertThat(addresses(workspace, "retrying")).isEmpty();
        assertThat(addresses(workspace, "sending")).isEmpty();
        assertThat(killed).as("every kill landed while the daemon was sending").isEqualTo(KILLS);
        assertThat(unknown.size()).as("at most one unknown per kill (seed %d)", seed).isLessThanOrEqualTo(killed);
        assertThat(sent.size() + unknown.size()).isEqualTo(CONTACTS);
        for (String address : sent) {
            assertThat(received.get(address)).as("%s got its email exactly once (seed %d)", address, seed).isEqualTo(1L);
        }
        for (String address : unknown) {
            assertThat(received.getOrDefault(address, 0L)).as("%s, of unknown fate, got it at most once", address)
                    .isLessThanOrEqualTo(1L);
        }
        assertThat(received.keySet()).allMatch(a -> sent.contains(a) || unknown.contains(a));
        assertThat(beforeLastRun).as("the kills interrupted real work").isLessThan(CONTACTS);
    }

    private TestWorkspace workspace() {
        StringBuilder contacts = new StringBuilder("email,first_name,last_name,organization,kind\n");
        for (int i = 0; i < CONTACTS; i++) {
            contacts.append("person").append(i).append("@example.edu,Person,").append(i).append(",Lab ").append(i).append(",lab\n");
        }
        return TestWorkspace.in(dir)
                .write("campaigns/launch.yaml", TestWorkspace.CAMPAIGN
                        .replace("limits: {per_day: 50, per_hour: 10}", "limits: {per_day: 100000, per_hour: 100000}")
                        .replace("window: {days: mon-fri, hours: \"09:00-17:00\", timezone: America/Chicago}", ""))
                .write("campaigns/contacts/people.csv", contacts.toString())
                .write("outreach.yaml", """
                        mail:
                          smtp: {host: 127.0.0.1, port: %d, security: none, timeout: 10s}
                        """.formatted(SMTP.getSmtp().getPort()));
    }

    private static Process daemon(TestWorkspace workspace, String name) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.outreach.cli.Main", "--workspace", workspace.root().toString(), "daemon", "--once"));
        File log = workspace.path("daemon-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static List<String> addresses(TestWorkspace workspace, String state) {
        return Jdbi.create(workspace.databaseUrl()).withHandle(h -> h.createQuery("""
                        select c.email from messages m join contacts c on c.id = m.contact_id
                        where m.state = :state and m.step = 'intro'
                        """).bind("state", state).mapTo(String.class).list());
    }

}
