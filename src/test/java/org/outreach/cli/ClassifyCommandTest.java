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
    void a_missing_file_is_one_line() {
        var run = TestWorkspace.in(dir).run("classify", "nope.eml");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("nope.eml: no such file");
    }
}
