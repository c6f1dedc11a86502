package org.govgrid.exchange;

import java.util.function.Consumer;

import org.govgrid.basedata.DisputeView;
import org.govgrid.basedata.Disputes;
import org.govgrid.basedata.HouseView;
import org.govgrid.basedata.Houses;
import org.govgrid.basedata.OrganizationView;
import org.govgrid.basedata.Organizations;
import org.govgrid.basedata.People;
import org.govgrid.basedata.PersonView;
import org.govgrid.basedata.PlaceView;
import org.govgrid.basedata.Places;
import org.govgrid.basedata.ThingView;
import org.govgrid.basedata.Things;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/**
 * The base-data services the catalogue tables read, and the tables' row sources over
 * them: each a list filter of the service, so an export has the rows the list shows.
 */
@Component
class CatalogueSources {

	private static final PageQuery ONE = new PageQuery(1, 1);

	final People people;

	final Houses houses;

	final Organizations organizations;

	final Places places;

	final Things things;

	final Disputes disputes;

	CatalogueSources(People people, Houses houses, Organizations organizations, Places places, Things things,
			Disputes disputes) {
		this.people = people;
		this.houses = houses;
		this.organizations = organizations;
		this.places = places;
		this.things = things;
		this.disputes = disputes;
	}

	/** A person with the identifiers the export may show: masked, or in clear. */
	record PersonRow(PersonView person, String idNumber, String phone) {
	}

	static CatalogueTable.Source<PersonRow> people(People.Filter filter) {
		return new CatalogueTable.Source<>() {

			@Override
			public String readPermission() {
				return "basedata:person:read";
			}

			@Override
			public long count(CatalogueSources s, ScopedPrincipal caller) {
				return s.people.list(filter, ONE, caller).total();
			}

			@Override
			public void forEach(CatalogueSources s, boolean unmask, ScopedPrincipal caller,
					Consumer<PersonRow> action) {
				if (unmask) {
					s.people.forEachUnmasked(filter, caller,
							(p, ids) -> action.accept(new PersonRow(p, ids.idNumber(), ids.phone())));
				}
				else {
					s.people.forEach(filter, caller, p -> action.accept(new PersonRow(p, p.idNumber(), p.phone())));
				}
			}
		};
	}

	static CatalogueTable.Source<HouseView> houses(Houses.Filter filter) {
		return objects("basedata:object:read", (s, caller) -> s.houses.list(filter, ONE, caller).total(),
				(s, caller, action) -> s.houses.forEach(filter, caller, action));
	}

	static CatalogueTable.Source<OrganizationView> organizations(Organizations.Filter filter) {
		return objects("basedata:object:read", (s, caller) -> s.organizations.list(filter, ONE, caller).total(),
				(s, caller, action) -> s.organizations.forEach(filter, caller, action));
	}

	static CatalogueTable.Source<PlaceView> places(Places.Filter filter) {
		return objects("basedata:object:read", (s, caller) -> s.places.list(filter, ONE, caller).total(),
				(s, caller, action) -> s.places.forEach(filter, caller, action));
	}

	static CatalogueTable.Source<ThingView> things(Things.Filter filter) {
		return objects("basedata:object:read", (s, caller) -> s.things.list(filter, ONE, caller).total(),
				(s, caller, action) -> s.things.forEach(filter, caller, action));
	}

	static CatalogueTable.Source<DisputeView> disputes(Disputes.Filter filter) {
		return objects("basedata:situation:read", (s, caller) -> s.disputes.list(filter, ONE, caller).total(),
				(s, caller, action) -> s.disputes.forEach(filter, caller, action));
	}

	private interface Counter {

		long count(CatalogueSources sources, ScopedPrincipal caller);

	}

	private interface Streamer<T> {

		void forEach(CatalogueSources sources, ScopedPrincipal caller, Consumer<T> action);

	}

	/** A source without identifiers: unmasking changes nothing. */
	private static <T> CatalogueTable.Source<T> objects(String permission, Counter counter, Streamer<T> streamer) {
		return new CatalogueTable.Source<>() {

			@Override
			public String readPermission() {
				return permission;
			}

			@Override
			public long count(CatalogueSources s, ScopedPrincipal caller) {
				return counter.count(s, caller);
			}

			@Override
			public void forEach(CatalogueSources s, boolean unmask, ScopedPrincipal caller, Consumer<T> action) {
				streamer.forEach(s, caller, action);
			}
		};
	}

}
