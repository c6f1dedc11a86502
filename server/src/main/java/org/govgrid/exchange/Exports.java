package org.govgrid.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeSet;

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
 * Exports of a kind's filtered list, streamed: rows go from the database cursor into the
 * xlsx as it is written to the response (POI's deferred streaming workbook, no temp file
 * of the data). ID numbers and phones are masked unless {@code unmask} is asked for by a
 * holder of {@code person:unmask}; then the file can be imported again. Every export is
 * audited with its row count and the filters used (their names only: a search text could
 * be an identifier).
 */
@Component
class Exports {

	static final String UNMASK = "unmask";

	private final SheetKinds kinds;

	private final AuditTrail audit;

	Exports(SheetKinds kinds, AuditTrail audit) {
		this.kinds = kinds;
		this.audit = audit;
	}

	/** A kind checked for export, with the number of rows its filters select. */
	record Checked(SheetKind kind, long rows) {
	}

	/**
	 * The kind and its row count, once the caller may read and export it and unmask if
	 * asked and the filters are good (a 400 is still possible before the first byte is
	 * written).
	 */
	Checked check(String kindName, Map<String, String> filters, boolean unmask, ScopedPrincipal caller) {
		SheetKind kind = this.kinds.find(kindName).orElseThrow(() -> new NotFoundException("export", kindName));
		for (String permission : java.util.List.of(kind.exportPermission(), kind.readPermission())) {
			if (!caller.can(permission)) {
				throw new AccessDeniedException(permission);
			}
		}
		if (unmask && !caller.can("person:unmask")) {
			throw new AccessDeniedException("person:unmask");
		}
		return new Checked(kind, kind.count(filters, caller));
	}

	void write(SheetKind kind, Map<String, String> filters, boolean unmask, ScopedPrincipal caller, OutputStream out)
			throws IOException {
		int[] rows = new int[1];
		try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(200)) {
			DeferredSXSSFSheet sheet = workbook.createSheet(kind.title());
			var bold = Workbooks.bold(workbook, false);
			java.util.List<String> headers = kind.columns().stream().map(Column::header).toList();
			Workbooks.widths(sheet, headers);
			sheet.setRowGenerator(s -> {
				Workbooks.headerRow(s, headers, bold);
				kind.export(filters, unmask, caller, cells -> Workbooks.cells(s.createRow(++rows[0]), 0, cells));
			});
			workbook.write(out);
		}
		catch (IOException | RuntimeException ex) {
			this.audit.record(AuditRecord
				.success(kind.exportAuditAction(), kind.kind(), null, kind.kind() + " rows=" + rows[0] + " aborted")
				.withOutcome(AuditOutcome.FAILURE));
			throw ex;
		}
		TreeSet<String> used = new TreeSet<>(filters.keySet());
		used.removeIf(name -> name.equals(UNMASK) || filters.get(name) == null || filters.get(name).isBlank());
		this.audit
			.record(AuditRecord.success(kind.exportAuditAction(), kind.kind(), null, kind.kind() + " rows=" + rows[0]
					+ (unmask ? " unmasked" : "") + (used.isEmpty() ? "" : " filters=" + String.join(",", used))));
	}

}
