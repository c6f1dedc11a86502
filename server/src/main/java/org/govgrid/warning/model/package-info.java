/**
 * Early warning as plain Java (no Spring, no persistence): the alert lifecycle with
 * guarded transitions, the spike statistics and the replay of rules over past events.
 */
package org.govgrid.warning.model;
