/**
 * 12345 hotline work orders (issue 16 item 8): intake idempotent on the order number,
 * each order an event of source {@code HOTLINE_12345}; the hotline's deadline in working
 * days over an editable holiday calendar; extension requests; the reply when the event
 * closes ({@link org.govgrid.hotline.HotlineReplied}) and the return call, whose
 * unsatisfied answer reopens the event.
 */
package org.govgrid.hotline;
