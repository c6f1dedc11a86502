/**
 * Append-only, hash-chained audit trail including the login log (标准 7.2.10, 8a).
 */
package org.govgrid.audit;
