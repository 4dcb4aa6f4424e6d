package org.outreach.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** What people's mail clients send back, and the automatic answers that must not count as replies. */
class ClassifierRepliesTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/replies", file))) {
            return classifier.classify(new MimeMessage(Session.getInstance(new Properties()), in));
        }
    }

    @Test
    void replies_from_common_mail_clients_are_replies_to_the_message_they_answer() throws Exception {
        assertThat(classify("gmail.eml")).extracting(Classification::kind, Classification::originalMessageId)
                .containsExactly(Kind.REPLY, java.util.Optional.of("<1b9c2e70-5d2a-4c6e-9a39-0f1c2d3e4f50@example.org>"));
        assertThat(classify("outlook.eml")).extracting(Classification::kind, Classification::originalMessageId)
                .containsExactly(Kind.REPLY, java.util.Optional.of("<2c0d3f81-6e3b-4d7f-8b4a-1a2b3c4d5e6f@example.org>"));
        assertThat(classify("apple-mail.eml")).extracting(Classification::kind, Classification::originalMessageId)
                .containsExactly(Kind.REPLY, java.util.Optional.of("<3d1e4a92-7f4c-4e80-9c5b-2b3c4d5e6f70@example.org>"));
        assertThat(classify("thunderbird.eml")).extracting(Classification::kind, Classification::originalMessageId)
                .containsExactly(Kind.REPLY, java.util.Optional.of("<4e2f5b03-8a5d-4f91-ad6c-3c4d5e6f7081@example.org>"));
    }

    @Test
    void a_reply_without_threading_headers_is_still_a_reply_with_nothing_to_match_but_its_sender() throws Exception {
        Classification c = classify("no-threading.eml");

        assertThat(c.kind()).isEqualTo(Kind.REPLY);
        assertThat(c.originalMessageId()).isEmpty();
    }

    @Test
    void out_of_office_messages_are_auto_replies_with_their_return_date() throws Exception {
        assertThat(classify("out-of-office.eml")).extracting(Classification::kind, Classification::returnDate)
                .containsExactly(Kind.AUTO_REPLY, java.util.Optional.of(LocalDate.of(2026, 12, 14)));
        assertThat(classify("abwesenheit.eml")).extracting(Classification::kind, Classification::returnDate)
                .containsExactly(Kind.AUTO_REPLY, java.util.Optional.of(LocalDate.of(2026, 12, 11)));
    }

    @Test
    void asking_to_be_removed_is_an_unsubscribe_but_our_own_quoted_opt_out_line_is_not() throws Exception {
        assertThat(classify("remove-me.eml").kind()).isEqualTo(Kind.UNSUBSCRIBE);
        assertThat(classify("no-thanks.eml").kind()).isEqualTo(Kind.UNSUBSCRIBE);
        assertThat(classify("unsubscribe.eml").kind()).isEqualTo(Kind.UNSUBSCRIBE);
        assertThat(classify("coming.eml").kind()).isEqualTo(Kind.REPLY);
        assertThat(classify("gmail.eml").kind()).isEqualTo(Kind.REPLY);
    }

    @Test
    void the_first_lines_of_a_reply_leave_the_quoted_email_out() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("src/test/resources/replies/outlook.eml"))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(NewText.start(Texts.body(message), 4))
                    .isEqualTo("Maya, / Count our team in - three of us will be there. Can we bring a short demo"
                            + " / of the city's open data pipeline? / Darnell");
        }
    }
}
