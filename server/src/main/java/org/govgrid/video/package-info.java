/**
 * Video (标准 6.1, 7.3.2d; GB/T 28181, GB/T 33200): the camera registry with its live
 * streams from the city's video platform, cameras on the map, and the video-AI platform's
 * signed alarms taken in as events.
 */
package org.govgrid.video;
