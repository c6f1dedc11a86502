package org.govgrid.collection;

import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/** Photos of a record are as visible as the record. */
@Component
class RecordFiles implements FileOwnerPolicy {

	private final Records records;

	RecordFiles(Records records) {
		this.records = records;
	}

	@Override
	public String ownerType() {
		return "collection";
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		try {
			this.records.view(ownerId, caller);
			return true;
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

}
