package org.govgrid.openplatform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.govgrid.basedata.BaseDataChanged;
import org.govgrid.basedata.Houses;
import org.govgrid.basedata.Organizations;
import org.govgrid.basedata.People;
import org.govgrid.basedata.Places;
import org.govgrid.basedata.Things;
import org.govgrid.event.EventChanged;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the change feed's log inside the changing transaction: one row per change, with
 * the object's region and a snapshot of it as the APIs show it without unmasking (ID
 * numbers and phones masked). A removal is a tombstone placed where the object last was.
 */
@Component
class ChangeLog {

	/** Reads the snapshots: everywhere, base data only, never unmasked, no occupants. */
	private static final ScopedPrincipal SNAPSHOTS = new ScopedPrincipal() {

		@Override
		public long userId() {
			return 0;
		}

		@Override
		public String username() {
			return "change-feed";
		}

		@Override
		public DataScope scope() {
			return DataScope.SYSTEM;
		}

		@Override
		public String displayName() {
			return "change-feed";
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of("basedata:object:read");
		}
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final RegionService regions;

	private final People people;

	private final Houses houses;

	private final Places places;

	private final Organizations organizations;

	private final Things things;

	ChangeLog(JdbcClient jdbc, JsonMapper json, Clock clock, RegionService regions, People people, Houses houses,
			Places places, Organizations organizations, Things things) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.regions = regions;
		this.people = people;
		this.houses = houses;
		this.places = places;
		this.organizations = organizations;
		this.things = things;
	}

	@EventListener
	void on(EventChanged change) {
		write(FeedType.EVENTS, change.eventId(), "UPSERT", change.regionPath(), WebhookSources.eventResource(change));
	}

	@EventListener
	void on(BaseDataChanged change) {
		FeedType type = FeedType.following(change.kind()).orElse(null);
		if (type == null) {
			return;
		}
		if (change.removed()) {
			write(type, change.id(), "DELETE",
					change.regionPath() != null ? change.regionPath() : lastPath(type, change.id()), null);
			return;
		}
		snapshot(type, change.id()).ifPresent(snapshot -> write(type, change.id(), "UPSERT",
				this.regions.find(snapshot.gridId()).map(grid -> grid.path()).orElse(null), snapshot.view()));
	}

	private record Snapshot(long gridId, Object view) {
	}

	private Optional<Snapshot> snapshot(FeedType type, long id) {
		return switch (type) {
			case PEOPLE -> this.people.find(id, SNAPSHOTS).map(v -> new Snapshot(v.gridId(), v));
			case HOUSES -> this.houses.find(id, SNAPSHOTS).map(v -> new Snapshot(v.gridId(), v));
			case PLACES -> this.places.find(id, SNAPSHOTS).map(v -> new Snapshot(v.gridId(), v));
			case ORGANIZATIONS -> this.organizations.find(id, SNAPSHOTS).map(v -> new Snapshot(v.gridId(), v));
			case THINGS -> this.things.find(id, SNAPSHOTS).map(v -> new Snapshot(v.gridId(), v));
			case EVENTS -> Optional.empty();
		};
	}

	/** Where the object was when last seen by the feed (a tombstone goes there). */
	private String lastPath(FeedType type, long id) {
		return this.jdbc.sql("""
				select region_path from open_change_log where kind = :kind and object_id = :id
				order by seq desc limit 1""")
			.param("kind", type.code())
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void write(FeedType type, long id, String op, String regionPath, Object resource) {
		this.jdbc.sql("""
				insert into open_change_log (kind, object_id, op, region_path, resource, changed_at)
				values (:kind, :id, :op, :path, cast(:resource as jsonb), :now)""")
			.param("kind", type.code())
			.param("id", id)
			.param("op", op)
			.param("path", regionPath)
			.param("resource", resource == null ? null : this.json.writeValueAsString(resource))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
