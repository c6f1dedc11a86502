package org.govgrid.region;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * GCJ-02 (the offset datum of maps published in China) back to WGS-84. The forward offset
 * is the published formula; the inverse has no closed form, so it is found by a few
 * fixed-point steps (each halves the error many times over; five reach well under a
 * millimetre). Outside China there is no offset.
 */
final class Gcj02 {

	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	private Gcj02() {
	}

	/** A copy of {@code geometry} with every position converted to WGS-84. */
	static Geometry toWgs84(Geometry geometry) {
		Geometry copy = geometry.copy();
		copy.apply(new CoordinateSequenceFilter() {
			@Override
			public void filter(CoordinateSequence seq, int i) {
				double[] wgs = toWgs84(seq.getX(i), seq.getY(i));
				seq.setOrdinate(i, CoordinateSequence.X, wgs[0]);
				seq.setOrdinate(i, CoordinateSequence.Y, wgs[1]);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		copy.geometryChanged();
		return copy;
	}

	/** {lon, lat} in WGS-84 for a GCJ-02 position. */
	static double[] toWgs84(double lon, double lat) {
		if (outsideChina(lon, lat)) {
			return new double[] { lon, lat };
		}
		double wgsLon = lon;
		double wgsLat = lat;
		for (int step = 0; step < 5; step++) {
			Coordinate shifted = toGcj02(wgsLon, wgsLat);
			wgsLon += lon - shifted.x;
			wgsLat += lat - shifted.y;
		}
		return new double[] { wgsLon, wgsLat };
	}

	/** The forward offset: a WGS-84 position as GCJ-02. */
	static Coordinate toGcj02(double lon, double lat) {
		if (outsideChina(lon, lat)) {
			return new Coordinate(lon, lat);
		}
		double dLat = latitudeOffset(lon - 105.0, lat - 35.0);
		double dLon = longitudeOffset(lon - 105.0, lat - 35.0);
		double radLat = lat / 180.0 * Math.PI;
		double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new Coordinate(lon + dLon, lat + dLat);
	}

	private static boolean outsideChina(double lon, double lat) {
		return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
	}

	private static double latitudeOffset(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double longitudeOffset(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

}
