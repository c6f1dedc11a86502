package org.govgrid.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/**
 * A job's error report as xlsx: one line per bad cell (row, column, reason) followed by
 * the row as it was in the file, so the report can be corrected and imported again. ID
 * numbers and phones are masked unless the reader may unmask; each download is audited.
 */
@Component
class ErrorReport {

	private final ImportJobs jobs;

	private final SheetKinds kinds;

	private final AuditTrail audit;

	ErrorReport(ImportJobs jobs, SheetKinds kinds, AuditTrail audit) {
		this.jobs = jobs;
		this.kinds = kinds;
		this.audit = audit;
	}

	/** Checks the job is the caller's (404 otherwise) before anything is written. */
	ImportJobView check(long id, ScopedPrincipal caller) {
		return this.jobs.view(id, caller);
	}

	void write(long id, ScopedPrincipal caller, OutputStream out) throws IOException {
		ImportJobView job = this.jobs.view(id, caller);
		SheetKind kind = this.kinds.find(job.kind()).orElseThrow();
		List<String> headers = this.jobs.headers(id, caller);
		boolean unmask = caller.can("person:unmask");
		List<Column> columns = new ArrayList<>();
		for (String header : headers) {
			columns.add(kind.columns().stream().filter(c -> c.matches(header)).findFirst().orElse(null));
		}
		List<String> top = new ArrayList<>(List.of("行号", "列", "原因"));
		top.addAll(headers);
		int[] rows = new int[2];
		try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook(200)) {
			DeferredSXSSFSheet sheet = workbook.createSheet("错误报告");
			var bold = Workbooks.bold(workbook, false);
			Workbooks.widths(sheet, top);
			sheet.setRowGenerator(s -> {
				Workbooks.headerRow(s, top, bold);
				this.jobs.forEachBadRow(id, caller, bad -> {
					rows[1]++;
					List<Object> values = new ArrayList<>();
					for (int i = 0; i < bad.values().size(); i++) {
						Column column = i < columns.size() ? columns.get(i) : null;
						String value = bad.values().get(i);
						values.add(column == null || unmask ? value : column.masked(value));
					}
					for (RowError error : bad.errors()) {
						var row = s.createRow(++rows[0]);
						Workbooks.cells(row, 0, List.of(error.row(), error.column(), error.reason()));
						Workbooks.cells(row, 3, values);
					}
				});
			});
			workbook.write(out);
		}
		this.audit.record(AuditRecord.success("BASEDATA_IMPORT_REPORT", "import", id,
				kind.kind() + " rows=" + rows[1] + (unmask ? " unmasked" : "")));
	}

}
