/**
 * The device's state machine, plain Java (no Spring): what each message or decision does
 * to a device's state, and which moves are illegal.
 */
package org.govgrid.iot.model;
