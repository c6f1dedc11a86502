package org.govgrid.identity;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named set of permission codes; built-in roles cannot be deleted. */
@Entity
@Table(name = "role")
class Role {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String name;

	private String description;

	private boolean builtIn;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "role_permission", joinColumns = @JoinColumn(name = "role_id"))
	@Column(name = "permission_code")
	private Set<String> permissions = new HashSet<>();

	protected Role() {
	}

	Role(String code, String name, String description) {
		this.code = code;
		this.name = name;
		this.description = description;
	}

	void describe(String name, String description, Set<String> permissions) {
		this.name = name;
		this.description = description;
		this.permissions = new HashSet<>(permissions);
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

	String getDescription() {
		return this.description;
	}

	boolean isBuiltIn() {
		return this.builtIn;
	}

	Set<String> getPermissions() {
		return this.permissions;
	}

}
