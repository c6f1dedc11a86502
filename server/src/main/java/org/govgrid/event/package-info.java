/**
 * Events (事件): report, automatic routing, dispatch, handling, verification, closing and
 * evaluation (标准 7.2.5). The lifecycle itself is the plain-Java model in {@code model}.
 */
package org.govgrid.event;
