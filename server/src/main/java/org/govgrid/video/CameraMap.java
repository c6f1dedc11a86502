package org.govgrid.video;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.springframework.stereotype.Service;

/**
 * The cameras of an area for a map (the panoramic map's camera layer): where each stands,
 * its name, GB/T 28181 id, status and stream kind; never its stream address, which only
 * the camera's own page opens.
 */
@Service
public class CameraMap {

	private final Cameras cameras;

	CameraMap(Cameras cameras) {
		this.cameras = cameras;
	}

	/**
	 * Up to {@code limit} cameras inside {@code area}, which the caller has already
	 * checked against the user's scope, and inside the box ({minLon, minLat, maxLon,
	 * maxLat}) when given.
	 */
	public List<CameraPoint> within(DataScope area, double[] box, int limit) {
		return this.cameras.points(area, box, limit);
	}

	public record CameraPoint(long id, String name, String deviceId, String status, String streamKind, long gridId,
			double lon, double lat) {

		/** The popup's properties, in the order of the other map layers. */
		public Map<String, Object> properties() {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", this.id);
			properties.put("kind", "camera");
			properties.put("name", this.name);
			properties.put("deviceId", this.deviceId);
			properties.put("status", this.status);
			properties.put("streamKind", this.streamKind);
			properties.put("gridId", this.gridId);
			return properties;
		}

	}

}
