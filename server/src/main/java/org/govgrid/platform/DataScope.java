package org.govgrid.platform;

import java.io.Serializable;

/**
 * A user's data scope: a region and its materialised path
 * ({@code 320500/320505/320505006}). Rows whose path lies at or under it are visible.
 */
public record DataScope(long regionId, String path) implements Serializable {

	/**
	 * For system work with no user behind it (start-up, demo data); never for a request.
	 */
	public static final DataScope SYSTEM = new DataScope(0, "");

	/** Whether an object placed at {@code objectPath} is inside this scope. */
	public boolean covers(String objectPath) {
		return objectPath != null
				&& (this.path.isEmpty() || objectPath.equals(this.path) || objectPath.startsWith(this.path + "/"));
	}

	/** Whether {@code objectPath} is this scope or one of its ancestors. */
	public boolean isUnder(String objectPath) {
		return objectPath != null && (this.path.equals(objectPath) || this.path.startsWith(objectPath + "/"));
	}

	/**
	 * A {@code LIKE} pattern for the descendants of this scope (use with
	 * {@code path = scope}).
	 */
	public String descendantsPattern() {
		return this.path.isEmpty() ? "%" : this.path + "/%";
	}

}
