package org.govgrid.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Exports of a catalogue table, streamed as the list exports are ({@link Exports}): the
 * caller's rows straight from the database cursor into the xlsx, identifiers masked
 * unless {@code unmask} by a holder of {@code person:unmask}, audited with the row count.
 */
@Component
class CatalogueExports {

	private final CatalogueSources sources;

	private final CellValues values;

	private final AuditTrail audit;

	CatalogueExports(CatalogueSources sources, CellValues values, AuditTrail audit) {
		this.sources = sources;
		this.values = values;
		this.audit = audit;
	}

	/** The table, once the caller may read its records and unmask if asked. */
	CatalogueTable<?> check(String code, boolean unmask, ScopedPrincipal caller) {
		CatalogueTable<?> table = JiangsuCatalogue.find(code)
			.orElseThrow(() -> new NotFoundException("catalogue table", code));
		if (!caller.can(table.source().readPermission())) {
			throw new AccessDeniedException(table.source().readPermission());
		}
		if (unmask && !caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		return table;
	}

	<T> void write(CatalogueTable<T> table, boolean unmask, ScopedPrincipal caller, OutputStream out)
			throws IOException {
		String detail = "catalogue/" + table.code();
		int[] rows = new int[1];
		try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(200)) {
			DeferredSXSSFSheet sheet = workbook.createSheet(table.title());
			var bold = Workbooks.bold(workbook, false);
			Workbooks.widths(sheet, table.headers());
			sheet.setRowGenerator(s -> {
				Workbooks.headerRow(s, table.headers(), bold);
				table.source()
					.forEach(this.sources, unmask, caller,
							record -> Workbooks.cells(s.createRow(++rows[0]), 0, cells(table, record)));
			});
			workbook.write(out);
		}
		catch (IOException | RuntimeException ex) {
			this.audit.record(AuditRecord
				.success("CATALOGUE_EXPORT", table.code(), null, detail + " rows=" + rows[0] + " aborted")
				.withOutcome(AuditOutcome.FAILURE));
			throw ex;
		}
		this.audit.record(AuditRecord.success("CATALOGUE_EXPORT", table.code(), null,
				detail + " rows=" + rows[0] + (unmask ? " unmasked" : "")));
	}

	private <T> List<Object> cells(CatalogueTable<T> table, T record) {
		List<Object> cells = new ArrayList<>(table.columns().size());
		for (CatalogueColumn<T> column : table.columns()) {
			Object value = column.value().apply(record);
			cells.add(value instanceof JiangsuCatalogue.GridId grid ? this.values.gridCode(grid.id()) : value);
		}
		return cells;
	}

}
