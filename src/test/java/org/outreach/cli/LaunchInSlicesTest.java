package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outreach.cli.LaunchCommandTest.count;
import static org.outreach.cli.LaunchCommandTest.query;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

/**
 * A launch of a contacts file several slices long ({@code Intake.SLICE} is a thousand): each contact is saved,
 * enrolled once and planned one message, whichever slice it falls in and wherever a slice ends, and a relaunch
 * adds only the new ones.
 */
class LaunchInSlicesTest {

    @TempDir
    Path dir;

    /** Rows {@code p1…pN}: even ones are labs, odd ones teams, every 500th matches no segment. */
    private static String contacts(int rows, Map<Integer, String> firstNames) {
        return "email,first_name,last_name,organization,kind\n" + IntStream.rangeClosed(1, rows)
                .mapToObj(i -> "p" + i + "@example.org," + firstNames.getOrDefault(i, "P" + i) + ",Last" + i + ",Org " + i + ","
                        + (i % 500 == 0 ? "other" : i % 2 == 0 ? "lab" : "team") + "\n")
                .collect(Collectors.joining());
    }

    @Test
    void every_contact_of_a_long_file_is_enrolled_once_with_one_message_and_a_relaunch_adds_only_new_ones() {
        var workspace = TestWorkspace.in(dir).write("campaigns/contacts/people.csv", contacts(2500, Map.of()));
        workspace.run("suppress", "p1234@example.org");
        workspace.run("suppress", "p7@example.org");

        var run = workspace.run("launch", "launch");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("labs\\s+1245\\s+1244\\s+0").containsPattern("teams\\s+1250\\s+1249\\s+0")
                .contains("Left out (7):").contains("people.csv:1235 (p1234@example.org): suppressed (manual)")
                .contains("people.csv:2501 (p2500@example.org): matches no segment")
                .containsPattern("intro\\s+2493\\s").containsPattern("nudge\\s+2493\\s");
        assertEnrolledOnceWithOneMessage(workspace, 2493);

        workspace.write("campaigns/contacts/people.csv", contacts(3100, Map.of(1200, "Renamed")));
        var again = workspace.run("launch", "launch");

        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).containsPattern("labs\\s+1544\\s+299\\s+1244").containsPattern("teams\\s+1550\\s+300\\s+1249")
                .containsPattern("intro\\s+3092\\s");
        assertThat(count(workspace, "contacts")).isEqualTo(3100);
        assertEnrolledOnceWithOneMessage(workspace, 3092);
        // The file changed, so the contacts enrolled before keep their new row too.
        assertThat(query(workspace, """
                select f.field_value from enrollment_fields f join enrollments e on e.id = f.enrollment_id
                join contacts c on c.id = e.contact_id where c.email = 'p1200@example.org' and f.name = 'first_name'
                """)).singleElement().extracting(r -> r.get("field_value")).isEqualTo("Renamed");
    }

    private static void assertEnrolledOnceWithOneMessage(TestWorkspace workspace, int enrolled) {
        assertThat(count(workspace, "enrollments")).isEqualTo(enrolled);
        assertThat(number(workspace, "select count(distinct contact_id) from enrollments")).isEqualTo(enrolled);
        assertThat(number(workspace, """
                select count(*) from messages m join enrollments e on e.id = m.enrollment_id
                where m.contact_id = e.contact_id and m.step = 'intro' and m.step_number = 1 and m.state = 'planned'
                """)).isEqualTo(enrolled);
        assertThat(count(workspace, "messages")).isEqualTo(enrolled);
        assertThat(number(workspace, "select count(*) from history where event = 'enrolled'")).isEqualTo(enrolled);
        // Each enrollment keeps its own row, all five columns, as the workspace's contact holds it.
        assertThat(count(workspace, "enrollment_fields")).isEqualTo(5 * enrolled);
        assertThat(number(workspace, """
                select count(*) from enrollment_fields f join enrollments e on e.id = f.enrollment_id
                join contacts c on c.id = e.contact_id
                left join contact_fields cf on cf.contact_id = e.contact_id and cf.name = f.name
                where coalesce(cf.field_value, c.email) <> f.field_value
                """)).isZero();
    }

    private static long number(TestWorkspace workspace, String sql) {
        return ((Number) query(workspace, sql).get(0).values().iterator().next()).longValue();
    }
}
