package org.govgrid.party;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An activity as reported from the grid: where it was held (the point places it in a
 * grid), who took part (members of the organisation or below it) and its photos (jpg) and
 * videos (mp4), uploaded first through {@code POST /api/v1/files}.
 */
record ActivityCommand(Long organizationId, String type, String title, OffsetDateTime heldAt, String place, Double lon,
		Double lat, List<Long> participantIds, String content, List<Long> fileIds) {
}
