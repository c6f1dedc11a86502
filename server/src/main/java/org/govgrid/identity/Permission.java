package org.govgrid.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A permission code {@code module:resource:action}, seeded by migrations. */
@Entity
@Table(name = "permission")
class Permission {

	@Id
	private String code;

	private String module;

	private String name;

	protected Permission() {
	}

	String getCode() {
		return this.code;
	}

	String getModule() {
		return this.module;
	}

	String getName() {
		return this.name;
	}

}
