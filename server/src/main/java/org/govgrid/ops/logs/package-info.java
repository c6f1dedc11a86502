/**
 * Log review (标准 8a): a daily digest of the audit trail and the JSON application log —
 * errors by kind, failed and locked sign-ins, bursts of refused requests, activity at
 * unusual hours, exports — which the security admin marks reviewed with a comment.
 */
package org.govgrid.ops.logs;
