package org.govgrid.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;

/**
 * One kind of base data as a sheet, both ways: its columns, how a row becomes the
 * service's command (and is saved through the service's {@code upsert}), and how a record
 * becomes a row of an export. The columns are the same both ways, so an export taken with
 * identifiers in clear can be imported again. Published so that modules above exchange
 * (party) bring their own kinds as beans; exchange never depends on them.
 */
public interface SheetKind {

	/** The name in URLs: {@code people}, {@code houses}... */
	String kind();

	/** The sheet's Chinese title (实有人口). */
	String title();

	/** What reading this kind takes besides export. */
	String readPermission();

	/** What writing this kind takes besides import. */
	String writePermission();

	/**
	 * What an export of this kind takes besides {@link #readPermission()}: base data's
	 * {@code basedata:export} unless the kind's module has its own (events:
	 * event:export).
	 */
	default String exportPermission() {
		return "basedata:export";
	}

	/** The audit action an export of this kind is recorded under. */
	default String exportAuditAction() {
		return "BASEDATA_EXPORT";
	}

	/**
	 * Whether the kind can be imported too; an export-only kind (the event ledger) not.
	 */
	default boolean importable() {
		return true;
	}

	List<Column> columns();

	/** The column of the natural key (ID number, address, credit code, code). */
	Column key();

	/**
	 * The natural key as compared between rows of one file (normalised), or null when
	 * blank.
	 */
	default String naturalKey(SheetRow row) {
		String key = row.text(key());
		return key == null ? null : key.toUpperCase(java.util.Locale.ROOT);
	}

	/**
	 * Saves the row through the module's service within the caller's scope, in one
	 * transaction. Throws {@link SheetRow.Rejected}, {@link InvalidInputException} or
	 * {@link org.govgrid.platform.ConflictException} and writes nothing then.
	 * @return whether a record was created (rather than updated)
	 */
	boolean save(SheetRow row, ScopedPrincipal caller);

	/** A service's field errors as errors of the row's columns. */
	default List<RowError> errors(int row, InvalidInputException ex) {
		List<RowError> errors = new ArrayList<>();
		for (InvalidInputException.FieldProblem problem : ex.errors()) {
			errors.add(new RowError(row, columnOf(problem.field()), problem.message()));
		}
		return errors;
	}

	/**
	 * The header of the column a service field belongs to: the column of the field, or of
	 * its head ({@code tags[0].since} belongs to {@code tags}).
	 */
	default String columnOf(String field) {
		String head = field.split("[.\\[]", 2)[0];
		for (String name : List.of(field, head)) {
			for (Column column : columns()) {
				if (name.equals(column.field())) {
					return column.header();
				}
			}
		}
		return field;
	}

	/**
	 * Every record the list's filters select, within the caller's scope, as cells in
	 * {@link #columns()} order; identifiers in clear only when {@code unmask} (the caller
	 * holds {@code person:unmask}, checked by the service).
	 */
	void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller, Consumer<List<Object>> rows);

	/**
	 * How many records the list's filters select; a bad filter is a 400 here, before an
	 * export has written anything.
	 */
	long count(Map<String, String> filters, ScopedPrincipal caller);

	/** A filter parameter that must be a number. */
	static Long longFilter(Map<String, String> filters, String name) {
		String value = filters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(name, "has the wrong type / 类型不正确");
		}
	}

}
