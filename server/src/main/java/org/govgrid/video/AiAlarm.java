package org.govgrid.video;

/**
 * An alarm as the video-AI platform sends it: its own id (redeliveries carry the same),
 * the camera's GB/T 28181 id, the alarm type, when it happened (ISO-8601), what it saw,
 * how sure it is (0–1) and the snapshot as a base64 JPEG. {@code snapshotUrl} is kept in
 * the event's description as text and never fetched.
 */
record AiAlarm(String alarmId, String deviceId, String alarmType, String occurredAt, String description,
		Double confidence, String snapshot, String snapshotUrl) {
}
