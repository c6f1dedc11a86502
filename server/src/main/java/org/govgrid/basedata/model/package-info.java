/**
 * Base data rules as plain Java (no Spring, no persistence): the mediation lifecycle of a
 * dispute (矛盾纠纷) with guarded transitions.
 */
package org.govgrid.basedata.model;
