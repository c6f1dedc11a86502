package org.govgrid.video;

/** What the city's video platform last said of a camera. */
enum CameraStatus {

	ONLINE, OFFLINE, FAULT, DISABLED

}
