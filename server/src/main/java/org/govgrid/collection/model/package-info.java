/**
 * The review of collected records as plain Java (no Spring, no persistence): guarded
 * transitions that throw the platform's {@code IllegalTransitionException}.
 */
package org.govgrid.collection.model;
