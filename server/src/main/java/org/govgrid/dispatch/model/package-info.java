/**
 * The task (任务) lifecycle as plain Java (no Spring, no persistence): guarded transitions
 * that throw the platform's {@code IllegalTransitionException}.
 */
package org.govgrid.dispatch.model;
