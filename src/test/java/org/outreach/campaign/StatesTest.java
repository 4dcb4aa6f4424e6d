package org.outreach.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The legal moves of messages, enrollments and campaigns, and how they are spelled. */
class StatesTest {

    @Test
    void onlyAWaitingMessageIsClaimed() {
        assertEquals(List.of(MessageState.PLANNED, MessageState.RETRYING), MessageState.movingTo(MessageState.SENDING));
    }

    @Test
    void aMessageAServerMayHaveSeenIsNeverCancelled() {
        assertEquals(List.of(MessageState.PLANNED, MessageState.RETRYING), MessageState.movingTo(MessageState.CANCELLED));
        assertFalse(MessageState.UNKNOWN.canMoveTo(MessageState.CANCELLED));
    }

    @Test
    void sentFailedAndCancelledAreFinal() {
        for (MessageState end : List.of(MessageState.SENT, MessageState.FAILED, MessageState.CANCELLED)) {
            for (MessageState next : MessageState.values()) {
                assertFalse(end.canMoveTo(next), end + " -> " + next);
            }
        }
    }

    @Test
    void anUnknownFateIsSettledAsSentOrSendAgain() {
        assertEquals(List.of(MessageState.SENDING, MessageState.UNKNOWN), MessageState.movingTo(MessageState.SENT));
        assertTrue(MessageState.UNKNOWN.canMoveTo(MessageState.RETRYING));
        assertFalse(MessageState.UNKNOWN.canMoveTo(MessageState.SENDING));
    }

    @Test
    void enrollmentsAndCampaigns() {
        assertEquals(List.of(EnrollmentState.ACTIVE), EnrollmentState.movingTo(EnrollmentState.STOPPED));
        assertEquals(List.of(), EnrollmentState.movingTo(EnrollmentState.ACTIVE));
        assertTrue(CampaignState.PAUSED.canMoveTo(CampaignState.ACTIVE));
        assertEquals(List.of(), CampaignState.movingTo(CampaignState.PAUSED).stream()
                .filter(s -> s != CampaignState.ACTIVE).toList());
        assertFalse(CampaignState.CANCELLED.canMoveTo(CampaignState.ACTIVE));
    }

    @Test
    void statesReadAsTheDatabaseAndPeopleSpellThem() {
        assertEquals("retrying", MessageState.RETRYING.toString());
        assertEquals("completed", EnrollmentState.COMPLETED.toString());
        assertEquals("paused", CampaignState.PAUSED.toString());
    }
}
