package org.outreach.mail;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.store.MailFolder;

/**
 * Makes a GreenMail folder reloaded from disk number its messages as it did before. GreenMail gives each folder
 * the UIDVALIDITY of the second it was made and numbers UIDs from 1 in every process, and has no API to say
 * otherwise; a reader that kept a cursor (UIDVALIDITY and the last UID) would read the whole mailbox again after
 * each restart, and with a batch limit never get past its first messages. So the two private fields are set.
 */
final class StableUids {

    private StableUids() {
    }

    static void uidValidity(MailFolder folder, long uidValidity) {
        try {
            field(folder, "uidValidity").setLong(folder, uidValidity);
        } catch (IllegalAccessException e) {
            throw unsupported(e);
        }
    }

    /** The UID the next message appended to {@code folder} gets. */
    static void nextUid(MailFolder folder, long uid) {
        try {
            ((AtomicLong) field(folder, "nextUid").get(folder)).set(uid);
        } catch (IllegalAccessException | ClassCastException e) {
            throw unsupported(e);
        }
    }

    private static Field field(MailFolder folder, String name) {
        for (Class<?> type = folder.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw unsupported(null);
    }

    private static IllegalStateException unsupported(Exception cause) {
        return new IllegalStateException("bug: this GreenMail version keeps a folder's UIDs differently;"
                + " StableUids needs updating", cause);
    }
}
