package org.govgrid.panorama;

import java.util.List;

import org.govgrid.video.CameraMap;
import org.springframework.stereotype.Component;

/** 视频监控: the registered cameras (标准 6.1, GB/T 28181), each linking to its live view. */
@Component
class CamerasLayer implements MapLayerProvider {

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("cameras", "video:camera:read", "视频监控",
			"Cameras", "camera", "#0277bd", 90);

	private final CameraMap cameras;

	CamerasLayer(CameraMap cameras) {
		this.cameras = cameras;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		double[] box = query.box() == null ? null : query.box().toArray();
		return this.cameras.within(query.area(), box, query.limit())
			.stream()
			.map(camera -> MapFeature.point(camera.lon(), camera.lat(), camera.properties()))
			.toList();
	}

}
