package org.outreach.inbound;

/**
 * One recipient a delivery report is about.
 *
 * @param status    the RFC 3463 enhanced status code ({@code 5.1.1}), or empty when the report gives none
 * @param action    {@code failed}, {@code delayed}, {@code delivered}, {@code relayed}, {@code expanded}, or empty
 * @param permanent the failure is for good: the address (or the message) will never be accepted
 */
public record Recipient(String address, String status, String action, boolean permanent, String diagnostic) {
}
