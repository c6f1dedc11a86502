package org.govgrid.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.govgrid.basedata.People;
import org.govgrid.basedata.PersonView;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.Masking;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.search.SearchResponse.Group;
import org.govgrid.search.SearchResponse.Hit;
import org.govgrid.search.SearchType.TextField;
import org.govgrid.search.SearchType.Words;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.dsl.ProjectionFinalStep;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search box (标准 7.3.1). Each type the caller may read is searched within their scope
 * (rows at or under their region; events also only those they reported or hold unless
 * they read all of their area's events); types they may not read are left out without a
 * word. An ID number or a phone is never full-text searched: it is looked up exactly
 * through its keyed hash, among people only.
 */
@Service
class GlobalSearch {

	private final EntityManager entityManager;

	private final People people;

	private final RegionService regions;

	GlobalSearch(EntityManager entityManager, People people, RegionService regions) {
		this.entityManager = entityManager;
		this.people = people;
		this.regions = regions;
	}

	@Transactional(readOnly = true)
	public SearchResponse search(SearchRequest request, ScopedPrincipal caller) {
		long started = System.nanoTime();
		if (request.isIdNumber() || request.isPhone()) {
			return lookup(request, caller, started);
		}
		SearchSession session = Search.session(this.entityManager);
		List<TypedHits> found = new ArrayList<>();
		for (SearchType type : request.types()) {
			if (type.readableBy(caller)) {
				found.add(search(session, type, request, caller));
			}
		}
		Set<Long> grids = new HashSet<>();
		found.forEach(typed -> typed.hits().forEach(hit -> grids.add(hit.gridId())));
		Map<Long, String> gridNames = this.regions.namesOf(grids);
		List<Group> groups = new ArrayList<>();
		for (TypedHits typed : found) {
			List<Hit> hits = new ArrayList<>();
			for (IndexedHit hit : typed.hits()) {
				hits.add(new Hit(hit.id(), hit.title(), hit.subtitle(), gridNames.get(hit.gridId()), hit.highlights()));
			}
			groups.add(new Group(typed.type().code(), typed.total(), hits));
		}
		return new SearchResponse(request.q(), millisSince(started), groups);
	}

	private record TypedHits(SearchType type, long total, List<IndexedHit> hits) {
	}

	/** A hit as the index stores it (no table is read to answer). */
	private record IndexedHit(long id, long gridId, String title, String subtitle, Map<String, String> highlights) {
	}

	/** Projections before the highlights: id, grid, title, subtitle. */
	private static final int STORED = 4;

	private TypedHits search(SearchSession session, SearchType type, SearchRequest request, ScopedPrincipal caller) {
		List<String> highlighted = new ArrayList<>();
		for (TextField field : type.fields()) {
			highlighted.add(field.key());
			if (field.words() == Words.ANY_ORDER) {
				highlighted.add(field.wordField());
			}
		}
		SearchResult<List<?>> result = session.search(type.document()).select(f -> {
			List<ProjectionFinalStep<?>> projections = new ArrayList<>();
			projections.add(f.id(Long.class));
			projections.add(f.field(ScopedDocument.GRID, Long.class));
			projections.add(f.field(ScopedDocument.TITLE, String.class));
			projections.add(f.field(ScopedDocument.SUBTITLE, String.class));
			highlighted.forEach(field -> projections.add(f.highlight(field)));
			return f.composite().from(projections.toArray(ProjectionFinalStep<?>[]::new)).asList();
		}).where(f -> f.bool(root -> {
			restrict(f, root, type, caller);
			for (String term : request.terms()) {
				root.must(f.bool(any -> {
					for (TextField field : type.fields()) {
						any.should(f.phrase().field(field.key()).matching(term).boost(field.boost()));
						if (field.words() == Words.IN_ORDER) {
							any.should(f.phrase().field(field.wordField()).matching(term).boost(field.boost() / 2));
						}
						else if (field.words() == Words.ANY_ORDER) {
							any.should(f.match()
								.field(field.wordField())
								.matching(term)
								.minimumShouldMatchPercent(100)
								.boost(field.boost() / 2));
						}
					}
				}));
			}
		}))
			.highlighter(h -> h.unified().encoder(HighlighterEncoder.HTML).numberOfFragments(1).noMatchSize(0))
			.fetch(request.size());
		List<IndexedHit> hits = new ArrayList<>();
		for (List<?> hit : result.hits()) {
			hits.add(new IndexedHit((Long) hit.get(0), (Long) hit.get(1), (String) hit.get(2), (String) hit.get(3),
					highlights(highlighted, hit)));
		}
		return new TypedHits(type, result.total().hitCount(), hits);
	}

	/** The caller's scope, and for events what they may read of it. */
	private static void restrict(SearchPredicateFactory f, BooleanPredicateClausesStep<?, ?> root, SearchType type,
			ScopedPrincipal caller) {
		String scope = caller.scope().path();
		if (!scope.isEmpty()) {
			root.filter(f.match().field(ScopedDocument.SCOPE).matching(scope));
		}
		if (type == SearchType.EVENTS && !caller.can(SearchType.EVENT_READ_ALL)) {
			root.filter(f.or(f.match().field(EventDocument.REPORTER).matching(caller.userId()),
					f.match().field(EventDocument.ASSIGNEE).matching(caller.userId())));
		}
	}

	/**
	 * One highlight per field, the fragment field's before its word twin's; adjacent
	 * marks are joined ({@code <em>晓</em><em>明</em>} → {@code <em>晓明</em>}).
	 */
	private static Map<String, String> highlights(List<String> fields, List<?> hit) {
		Map<String, String> highlights = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			String key = fields.get(i).endsWith("_cn") ? fields.get(i).substring(0, fields.get(i).length() - 3)
					: fields.get(i);
			if (hit.get(STORED + i) instanceof List<?> fragments && !fragments.isEmpty()
					&& !highlights.containsKey(key)) {
				highlights.put(key, String.valueOf(fragments.get(0)).replace("</em><em>", ""));
			}
		}
		return highlights;
	}

	private SearchResponse lookup(SearchRequest request, ScopedPrincipal caller, long started) {
		String field = request.isIdNumber() ? "idNumber" : "phone";
		String masked = request.isIdNumber() ? Masking.idNumber(IdentifierProtection.normalise(request.q()))
				: Masking.phone(request.q());
		List<Group> groups = new ArrayList<>();
		if (request.types().contains(SearchType.PEOPLE) && SearchType.PEOPLE.readableBy(caller)) {
			List<PersonView> found = this.people.lookup(request.q(), caller);
			List<Hit> hits = found.stream()
				.limit(request.size())
				.map(person -> new Hit(person.id(), person.name(),
						ScopedDocument.joined(person.idNumber(), person.currentAddress()), person.gridName(),
						Map.of(field,
								"<em>" + (field.equals("idNumber") ? person.idNumber() : person.phone()) + "</em>")))
				.toList();
			groups.add(new Group(SearchType.PEOPLE.code(), found.size(), hits));
		}
		return new SearchResponse(masked, millisSince(started), groups);
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
