package org.outreach.engine;

import java.time.Instant;

/**
 * A message of the outbox as sending sees it: one campaign × contact × step, with its attempts so far.
 *
 * @param firstAttemptAt when it was first handed to a server, or null: the age its retries count from
 */
public record OutboxMessage(long id, long campaignId, long contactId, long enrollmentId, String segment, String step,
                            int stepNumber, Instant dueAt, int attempts, Instant firstAttemptAt) {
}
