package org.outreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outreach.TestWorkspace;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void classify_prints_one_json_object_per_file_saying_why() throws Exception {
        Path corpus = Path.of("src/test/resources/corpus/inbound").toAbsolutePath();
        Path replies = Path.of("src/test/resources/replies").toAbsolutePath();

        var run = TestWorkspace.in(dir).run("classify", corpus.resolve("lhost-postfix-01.eml").toString(),
                replies.resolve("gmail.eml").toString());

        assertThat(run.code()).as(run.toString()).isZero();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode bounce = new ObjectMapper().readTree(lines.get(0));
        assertThat(bounce.get("kind").asText()).isEqualTo("bounce");
        assertThat(bounce.get("recipients")).hasSize(1);
        assertThat(bounce.get("status").asText()).startsWith("5.");
        assertThat(bounce.get("permanent").asBoolean()).isTrue();
        assertThat(bounce.get("why").asText()).isNotBlank();
        JsonNode reply = new ObjectMapper().readTree(lines.get(1));
        assertThat(reply.get("kind").asText()).isEqualTo("reply");
        assertThat(reply.get("matched_message_id").asText()).isEqualTo("<1b9c2e70-5d2a-4c6e-9a39-0f1c2d3e4f50@example.org>");
    }

    @Test
    void the_shared_corpus_through_the_command_line_is_sorted_as_labelled_and_never_taken_for_replies() throws Exception {
        Path corpus = Path.of("src/test/resources/corpus/inbound").toAbsolutePath();
        var labels = org.outreach.inbound.ClassifierCorpusTest.labels();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("classify"));
        labels.keySet().forEach(f -> args.add(corpus.resolve(f).toString()));

        var run = TestWorkspace.in(dir).run(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isZero();
        int correct = 0;
        for (String line : run.out().lines().toList()) {
            JsonNode json = new ObjectMapper().readTree(line);
            var expected = labels.get(Path.of(json.get("file").asText()).getFileName().toString());
            String kind = json.get("kind").asText();
            assertThat(kind).as(line).isNotIn("reply", "unsubscribe");
            String wanted = expected.get(0).kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            boolean recipients = !wanted.equals("bounce") || json.get("recipients").size() == expected.size();
            boolean permanent = !wanted.equals("bounce")
                    || json.get("permanent").asBoolean() == expected.stream().anyMatch(l -> l.permanent());
            correct += kind.equals(wanted) && recipients && permanent ? 1 : 0;
        }
        System.out.printf("outreach classify: %d / %d files as labelled%n", correct, labels.size());
        assertThat(correct).isGreaterThanOrEqualTo(300);
    }

    @Test
    void a_missing_file_is_one_line() {
        var run = TestWorkspace.in(dir).run("classify", "nope.eml");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("nope.eml: no such file");
    }
}
