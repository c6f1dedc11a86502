package org.govgrid.region;

/** A region as other modules see it. */
public record RegionSummary(long id, String code, String name, RegionLevel level, Long parentId, String path) {
}
