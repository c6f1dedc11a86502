package org.govgrid.audit;

/**
 * Writes the audit trail. A record joins the caller's transaction, so a change and its
 * audit row commit or roll back together; the hash chain is sealed later, in the
 * background, so writers never wait on each other.
 */
public interface AuditTrail {

	void record(AuditRecord record);

}
