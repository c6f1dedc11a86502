package org.govgrid.identity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A former password hash, so that the last five cannot be reused. */
@Entity
@Table(name = "password_history")
class PasswordHistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long userId;

	private String passwordHash;

	private Instant changedAt = Instant.now();

	protected PasswordHistoryEntry() {
	}

	PasswordHistoryEntry(Long userId, String passwordHash) {
		this.userId = userId;
		this.passwordHash = passwordHash;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

}
