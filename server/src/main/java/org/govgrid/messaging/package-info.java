/**
 * Notifications (标准 7.3.1): one row per recipient written in the sender's transaction,
 * pushed to the recipient's open consoles over server-sent events on whichever node they
 * are connected to (PostgreSQL LISTEN/NOTIFY between nodes), and an SMS gateway
 * interface. Public API: {@link org.govgrid.messaging.Notifications},
 * {@link org.govgrid.messaging.Notice}, {@link org.govgrid.messaging.SmsGateway},
 * {@link org.govgrid.messaging.SmsMessage}.
 */
package org.govgrid.messaging;
