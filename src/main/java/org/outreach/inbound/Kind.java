package org.outreach.inbound;

/** What an inbound message turned out to be. */
public enum Kind {
    /** A person answered. */
    REPLY,
    /** An out-of-office or other automatic answer: the person is still there. */
    AUTO_REPLY,
    /** A delivery-failure notice, permanent or temporary. */
    BOUNCE,
    /** A spam complaint relayed by a mailbox provider (feedback loop). */
    COMPLAINT,
    /** A request to be left alone. */
    UNSUBSCRIBE,
    /** A delivery report that reports no failure (delivered, relayed), or a read receipt: never a reply. */
    NOTICE
}
