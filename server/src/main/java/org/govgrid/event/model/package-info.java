/**
 * The event lifecycle as plain Java (no Spring, no persistence): other modules may use
 * its value types (codes, units, routing targets).
 */
@org.springframework.modulith.NamedInterface("model")
package org.govgrid.event.model;
