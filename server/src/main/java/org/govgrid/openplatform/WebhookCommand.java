package org.govgrid.openplatform;

import java.util.List;

/**
 * A webhook to register or replace: where to POST, which event types, whether it is on
 * ({@code null}: on), and the version read (edits only).
 */
record WebhookCommand(String url, List<String> eventTypes, Boolean enabled, Integer version) {
}
