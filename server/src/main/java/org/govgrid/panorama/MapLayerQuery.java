package org.govgrid.panorama;

import java.time.Instant;

import org.govgrid.platform.DataScope;

/**
 * What a layer is asked for: the area (already checked against the caller's scope), the
 * map box ({@code null} for the whole area), the moment of the request and the number of
 * features wanted.
 */
public record MapLayerQuery(DataScope area, Box box, Instant now, int limit) {

	/** A map box in degrees. */
	public record Box(double minLon, double minLat, double maxLon, double maxLat) {

		public double[] toArray() {
			return new double[] { this.minLon, this.minLat, this.maxLon, this.maxLat };
		}

	}

}
