/**
 * The supervision item's lifecycle, plain Java: guarded transitions that throw on an
 * illegal move.
 */
package org.govgrid.supervision.model;
