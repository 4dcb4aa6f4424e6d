package org.outreach.engine;

import org.outreach.campaign.RenderedEmail;

/** How follow-ups join the first email's thread, the way a person replying to their own email would. */
public final class Threading {

    private static final String REPLY_PREFIX = "Re: ";

    private Threading() {
    }

    /** The step's own subject, or {@code Re: } and the first step's subject. */
    public static String subject(RenderedEmail email, String firstSubject) {
        return email.subject().orElseGet(() ->
                firstSubject.regionMatches(true, 0, REPLY_PREFIX, 0, REPLY_PREFIX.length()) ? firstSubject
                        : REPLY_PREFIX + firstSubject);
    }
}
