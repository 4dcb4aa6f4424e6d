package org.outreach.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void addresses_people_write_are_valid_and_compared_ignoring_case() {
        assertThat(EmailAddress.parse(" Ana.Lima+rse@Physics.Example.EDU ")).get()
                .extracting(EmailAddress::key).isEqualTo("ana.lima+rse@physics.example.edu");
        assertThat(new EmailAddress("a@example.org").domain()).isEqualTo("example.org");
    }

    @Test
    void things_that_are_not_addresses_are_refused() {
        assertThat(EmailAddress.parse("ana")).isEmpty();
        assertThat(EmailAddress.parse("ana@localhost")).isEmpty();
        assertThat(EmailAddress.parse("ana lima@example.org")).isEmpty();
        assertThat(EmailAddress.parse("ana@example.org\r\nBcc: x@example.org")).isEmpty();
        assertThat(EmailAddress.parse("")).isEmpty();
    }
}
