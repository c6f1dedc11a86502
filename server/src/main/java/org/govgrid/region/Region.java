package org.govgrid.region;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** One node of the hierarchy; its boundary is kept as GeoJSON text. */
@Entity
@Table(name = "region")
class Region {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long parentId;

	@Enumerated(EnumType.STRING)
	private RegionLevel level;

	private String code;

	private String name;

	private String path;

	@Column(name = "boundary")
	private String boundaryGeoJson;

	private Double minLon;

	private Double minLat;

	private Double maxLon;

	private Double maxLat;

	private Double centerLon;

	private Double centerLat;

	@Version
	private long version;

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	protected Region() {
	}

	Region(Region parent, RegionLevel level, String code, String name) {
		this.parentId = parent == null ? null : parent.getId();
		this.level = level;
		this.code = code;
		this.name = name;
		this.path = parent == null ? code : parent.getPath() + "/" + code;
	}

	void rename(String name) {
		this.name = name;
		this.updatedAt = Instant.now();
	}

	void placeBoundary(String geoJson, Geometry geometry) {
		this.boundaryGeoJson = geoJson;
		if (geometry == null) {
			this.minLon = this.minLat = this.maxLon = this.maxLat = this.centerLon = this.centerLat = null;
		}
		else {
			Envelope box = geometry.getEnvelopeInternal();
			this.minLon = box.getMinX();
			this.minLat = box.getMinY();
			this.maxLon = box.getMaxX();
			this.maxLat = box.getMaxY();
			// an interior point, unlike the centroid, is inside concave shapes too
			Point inside = geometry.getInteriorPoint();
			this.centerLon = inside.getX();
			this.centerLat = inside.getY();
		}
		this.updatedAt = Instant.now();
	}

	RegionSummary summary() {
		return new RegionSummary(this.id, this.code, this.name, this.level, this.parentId, this.path);
	}

	Long getId() {
		return this.id;
	}

	long getVersion() {
		return this.version;
	}

	Long getParentId() {
		return this.parentId;
	}

	RegionLevel getLevel() {
		return this.level;
	}

	String getCode() {
		return this.code;
	}

	String getName() {
		return this.name;
	}

	String getPath() {
		return this.path;
	}

	String getBoundaryGeoJson() {
		return this.boundaryGeoJson;
	}

	Double getCenterLon() {
		return this.centerLon;
	}

	Double getCenterLat() {
		return this.centerLat;
	}

}
