package org.govgrid.region;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, Long> {

	Optional<Region> findByCode(String code);

	/** The region at {@code path} and everything below it. */
	@Query("select r from Region r where r.path = :path or r.path like :descendants order by r.path")
	List<Region> findSubtree(String path, String descendants);

	List<Region> findByParentId(Long parentId);

	List<Region> findByLevel(RegionLevel level);

	boolean existsByParentId(Long parentId);

	/**
	 * Id and version of every grid, to tell which ones the in-memory index must re-parse.
	 */
	@Query("select r.id, r.version from Region r where r.level = org.govgrid.region.RegionLevel.GRID")
	List<Object[]> gridVersions();

	/**
	 * Changes whenever a grid is added or its boundary changes; compared across nodes.
	 */
	@Query(value = "select count(*) || '@' || coalesce(max(updated_at)::text, '') from region where level = 'GRID'",
			nativeQuery = true)
	String gridSignature();

}
