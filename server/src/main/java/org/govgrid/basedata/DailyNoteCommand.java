package org.govgrid.basedata;

import java.time.LocalDate;

/**
 * A daily note (民情日志) by the caller; without {@code gridId} it belongs to the caller's
 * own grid.
 */
public record DailyNoteCommand(LocalDate notedOn, String topic, String content, Long gridId) {
}
