/**
 * 物联感知 (标准 7.4): the device registry, telemetry and alarms over HTTP and MQTT, offline
 * devices flagged, and alarms turned into events.
 */
package org.govgrid.iot;
