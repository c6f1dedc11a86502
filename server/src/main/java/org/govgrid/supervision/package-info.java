/**
 * Supervision (督办, 标准 7.2.11): every 督办 on an event becomes an item with a level and a
 * deadline, held to the event's unit, answered by it, reminded and closed by leaders and
 * the centre, flagged overdue once by a scheduled job, tallied per unit.
 */
package org.govgrid.supervision;
