package org.govgrid.special;

import java.time.Instant;
import java.util.List;

import org.govgrid.platform.InvalidInputException.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * What an operator's feed sends with {@code POST /api/v1/special/crowd-flow}, and the
 * answer.
 */
final class CrowdCommands {

	private CrowdCommands() {
	}

	/** Up to {@link CrowdFlow#MAX_COUNTS} counts. */
	record Batch(List<Count> counts) {
	}

	/**
	 * People counted in one place during the quarter hour from {@code bucketStart}: the
	 * place is a grid ({@code gridId} or {@code gridCode}) or an operator cell
	 * ({@code cellId}, known from an earlier count, and/or {@code polygon}, a GeoJSON
	 * Polygon whose centre decides the grid; a cell id given with its polygon is
	 * remembered).
	 */
	record Count(Long gridId, String gridCode, String cellId, JsonNode polygon, String bucketStart, Integer people) {
	}

	record Rejected(int index, List<FieldProblem> errors) {
	}

	/**
	 * {@code accepted}: grid-buckets stored for the first time; {@code replaced}: stored
	 * before with another count, now replaced; {@code duplicates}: sent again with the
	 * same count. Counts of several cells of one grid in one batch are added up.
	 */
	record Result(int accepted, int replaced, int duplicates, List<Rejected> rejected) {
	}

	/** The heat layer at one bucket. */
	record Snapshot(Instant bucketStart, long regionId, String regionName, int total, int max, List<GridCount> grids) {
	}

	/**
	 * One grid at the bucket: {@code people} null when nothing was counted, {@code usual}
	 * the median of the same weekday and quarter hour over the 4 weeks before (null
	 * without history), {@code boundary} GeoJSON (left out when asked).
	 */
	record GridCount(long gridId, String code, String name, Double lon, Double lat, Integer people, Double usual,
			JsonNode boundary) {
	}

}
