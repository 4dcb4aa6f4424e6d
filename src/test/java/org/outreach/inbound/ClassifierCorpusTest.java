package org.outreach.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * The classifier against 312 real notices from many mail systems (sisimai's set of emails, with its labels):
 * delivery failures must be bounces with their failed recipients and the right permanence, vacation messages
 * auto-replies, feedback reports complaints — and none of them, ever, a reply.
 */
public class ClassifierCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus/inbound");
    /**
     * Guards against regressions; not a target. Set just under what the classifier achieves; raise it when
     * the classifier gets better.
     */
    private static final int FLOOR = 300;

    public record Label(String status, String reason) {

        public Kind kind() {
            return switch (reason) {
                case "vacation" -> Kind.AUTO_REPLY;
                case "feedback" -> Kind.COMPLAINT;
                case "delivered" -> Kind.NOTICE;
                default -> Kind.BOUNCE;
            };
        }

        public boolean permanent() {
            return status.startsWith("5");
        }
    }

    @Test
    void the_corpus_is_classified_as_labelled_and_no_notice_is_ever_a_reply() throws Exception {
        Map<String, List<Label>> labels = labels();
        Classifier classifier = new Classifier();
        List<String> wrong = new ArrayList<>();
        List<String> takenForPeople = new ArrayList<>();
        int correct = 0;
        for (var entry : labels.entrySet()) {
            Classification c = classify(classifier, entry.getKey());
            if (c.kind() == Kind.REPLY || c.kind() == Kind.UNSUBSCRIBE) {
                takenForPeople.add(entry.getKey() + " (" + c.why() + ")");
            }
            String problem = problem(entry.getValue(), c);
            if (problem == null) {
                correct++;
            } else {
                wrong.add(entry.getKey() + ": " + problem);
            }
        }
        System.out.printf("classified correctly: %d / %d files%n", correct, labels.size());
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(takenForPeople).as("delivery notices taken for a person's message").isEmpty();
        assertThat(correct).isGreaterThanOrEqualTo(FLOOR);
    }

    /** What is wrong with a classification, or null when it agrees with the labels. */
    static String problem(List<Label> expected, Classification c) {
        Kind kind = expected.get(0).kind();
        if (c.kind() != kind) {
            return "expected " + kind + ", found " + c.kind() + " (" + c.why() + ")";
        }
        if (kind != Kind.BOUNCE) {
            return null;
        }
        if (c.recipients().size() != expected.size()) {
            return "expected " + expected.size() + " failed recipients, found " + c.recipients();
        }
        for (int i = 0; i < expected.size(); i++) {
            if (c.recipients().get(i).permanent() != expected.get(i).permanent()) {
                return "recipient " + (i + 1) + ": expected " + (expected.get(i).permanent() ? "permanent" : "temporary")
                        + " (" + expected.get(i).status() + "), found " + c.recipients().get(i);
            }
        }
        return null;
    }

    public static Map<String, List<Label>> labels() throws Exception {
        Map<String, List<Label>> labels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(CORPUS.resolve("labels.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            labels.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Label(f[2], f[4]));
        }
        return labels;
    }

    static Classification classify(Classifier classifier, String file) throws Exception {
        try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
            return classifier.classify(new MimeMessage(Session.getInstance(new Properties()), in));
        }
    }
}
