package org.govgrid.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A functional department (职能部门) placed in a region. */
@Entity
@Table(name = "department")
class Department {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private Long regionId;

	private String regionPath;

	@Version
	private long version;

	private Instant createdAt = Instant.now();

	protected Department() {
	}

	Department(String code, String name) {
		this.code = code;
		this.name = name;
	}

	void describe(String code, String name, long regionId, String regionPath) {
		this.code = code;
		this.name = name;
		this.regionId = regionId;
		this.regionPath = regionPath;
	}

	Long getId() {
		return this.id;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	Long getRegionId() {
		return this.regionId;
	}

	String getRegionPath() {
		return this.regionPath;
	}

}
