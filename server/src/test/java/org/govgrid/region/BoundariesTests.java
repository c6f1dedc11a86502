package org.govgrid.region;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundariesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Geometry read(String geoJson, FieldErrors errors) {
		return Boundaries.read(JSON.readTree(geoJson), "boundary", errors);
	}

	private static java.util.List<String> fields(FieldErrors errors) {
		try {
			errors.throwIfAny();
			return java.util.List.of();
		}
		catch (InvalidInputException ex) {
			return ex.errors().stream().map(InvalidInputException.FieldProblem::field).toList();
		}
	}

	@Test
	void readsAValidPolygon() {
		FieldErrors errors = new FieldErrors();
		Geometry square = read(
				"{\"type\":\"Polygon\",\"coordinates\":[[[120,31],[120.1,31],[120.1,31.1],[120,31.1],[120,31]]]}",
				errors);
		assertThat(errors.isEmpty()).isTrue();
		assertThat(square.getArea()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void refusesAnOpenRing() {
		FieldErrors errors = new FieldErrors();
		assertThat(
				read("{\"type\":\"Polygon\",\"coordinates\":[[[120,31],[120.1,31],[120.1,31.1],[120,31.1]]]}", errors))
			.isNull();
		assertThat(fields(errors)).containsExactly("boundary.coordinates[0]");
	}

	@Test
	void refusesASelfIntersectingBowTie() {
		FieldErrors errors = new FieldErrors();
		assertThat(
				read("{\"type\":\"Polygon\",\"coordinates\":[[[120,31],[120.1,31.1],[120.1,31],[120,31.1],[120,31]]]}",
						errors))
			.isNull();
		assertThat(fields(errors)).containsExactly("boundary");
	}

	@Test
	void namesEveryBadPositionAndWrongTypes() {
		FieldErrors errors = new FieldErrors();
		read("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[120,31],[\"x\",31],[120.1,31.1],[120,31]]],[[[200,31],[120.1,31],[120.1,31.1],[200,31]]]]}",
				errors);
		assertThat(fields(errors)).containsExactly("boundary.coordinates[0][0][1]", "boundary.coordinates[1][0][0]");
		FieldErrors typeErrors = new FieldErrors();
		read("{\"type\":\"Point\",\"coordinates\":[120,31]}", typeErrors);
		assertThat(fields(typeErrors)).containsExactly("boundary.type");
	}

	@Test
	void storedTextThatIsBrokenFailsLoudly() {
		assertThatThrownBy(() -> Boundaries.parseStored("{\"type\":\"Polygon\",\"coordinates\":[]}"))
			.isInstanceOf(InvalidInputException.class);
	}

}
