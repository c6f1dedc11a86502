package org.govgrid.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByUsernameIgnoreCase(String username);

	/** Accounts in scope, not cancelled, optionally matching a search term. */
	@Query("""
			select u from UserAccount u where u.status <> org.govgrid.identity.AccountStatus.CANCELLED
			and (u.scopePath = :path or u.scopePath like :descendants)
			and (:q is null or lower(u.username) like :q or lower(u.displayName) like :q)""")
	Page<UserAccount> search(String path, String descendants, String q, Pageable pageable);

	@Query("select u from UserAccount u join u.roles r where r.id = :roleId")
	List<UserAccount> findByRoleId(Long roleId);

	@Query("""
			select u from UserAccount u where u.status = org.govgrid.identity.AccountStatus.ACTIVE
			and coalesce(u.lastLoginAt, u.createdAt) < :before""")
	List<UserAccount> findDormantSince(Instant before);

	@Query("""
			select count(u) from UserAccount u where u.departmentId = :departmentId
			and u.status <> org.govgrid.identity.AccountStatus.CANCELLED""")
	long countActiveInDepartment(Long departmentId);

	/** Cancelled accounts keep no tie to a department that is being deleted. */
	@Modifying
	@Query("""
			update UserAccount u set u.departmentId = null where u.departmentId = :departmentId
			and u.status = org.govgrid.identity.AccountStatus.CANCELLED""")
	int releaseCancelledFromDepartment(Long departmentId);

}

interface RoleRepository extends JpaRepository<Role, Long> {

	Optional<Role> findByCode(String code);

	List<Role> findByCodeIn(Collection<String> codes);

	List<Role> findAllByOrderByIdAsc();

}

interface PermissionRepository extends JpaRepository<Permission, String> {

	List<Permission> findAllByOrderByModuleAscCodeAsc();

}

interface DepartmentRepository extends JpaRepository<Department, Long> {

	Optional<Department> findByCode(String code);

	List<Department> findAllByOrderByRegionPathAscCodeAsc();

}

interface DeviceRepository extends JpaRepository<Device, Long> {

	Optional<Device> findByDeviceCode(String deviceCode);

	@Query("""
			select d from Device d where d.userId is null
			or d.userId in (select u.id from UserAccount u where u.scopePath = :path or u.scopePath like :descendants)""")
	Page<Device> findInScope(String path, String descendants, Pageable pageable);

	@Modifying
	@Query("update Device d set d.userId = null where d.userId = :userId")
	int unbindUser(Long userId);

}

interface PasswordHistoryRepository extends JpaRepository<PasswordHistoryEntry, Long> {

	List<PasswordHistoryEntry> findByUserIdOrderByChangedAtDesc(Long userId, Pageable pageable);

}
