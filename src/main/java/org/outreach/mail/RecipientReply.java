package org.outreach.mail;

import java.util.regex.Pattern;

/**
 * Whether a server's refusal of a recipient is about the address itself (it does not exist, it is disabled),
 * which makes it a bounce, or about us (relaying denied, authentication, quota, policy), which no other
 * recipient would fare better with. Only the first kind may suppress an address.
 */
final class RecipientReply {

    /** RFC 3463: 5.1.x is about the address; 5.2.1 a disabled mailbox. */
    private static final Pattern ADDRESS_CODE = Pattern.compile("\\b5\\.(1\\.\\d{1,3}|2\\.1)\\b");
    private static final Pattern OTHER_CODE = Pattern.compile("\\b5\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern ADDRESS_WORDS = Pattern.compile("(?i).*(user unknown|unknown user|no such (user|mailbox|recipient)|"
            + "does not exist|doesn't exist|mailbox unavailable|mailbox not found|recipient (address )?rejected|"
            + "invalid (recipient|mailbox|address)|address rejected|not a valid|unknown recipient|disabled|inactive).*");

    private RecipientReply() {
    }

    static boolean isAboutTheAddress(String reply) {
        if (ADDRESS_CODE.matcher(reply).find()) {
            return true;
        }
        return !OTHER_CODE.matcher(reply).find() && ADDRESS_WORDS.matcher(reply).matches();
    }
}
