package org.govgrid.exchange;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * xlsx export of any filtered base-data list: the list's own query parameters select the
 * rows (paging aside), streamed and audited; the row count goes ahead as a header so that
 * a download can show its progress.
 */
@RestController
class ExportController {

	private final Exports exports;

	ExportController(Exports exports) {
		this.exports = exports;
	}

	/** The number of rows the export will have, known before its first byte. */
	static final String ROWS_HEADER = "X-Export-Rows";

	/** Each kind's own export and read permissions decide, checked by {@link Exports}. */
	@GetMapping("/api/v1/exports/{kind}.xlsx")
	@PreAuthorize("isAuthenticated()")
	void export(@PathVariable String kind, @RequestParam Map<String, String> params, HttpServletResponse response)
			throws IOException {
		ScopedPrincipal caller = CurrentUser.require();
		Map<String, String> filters = new HashMap<>(params);
		filters.remove("page");
		filters.remove("size");
		boolean unmask = Boolean.parseBoolean(filters.get(Exports.UNMASK));
		Exports.Checked checked = this.exports.check(kind, filters, unmask, caller);
		SheetKind sheet = checked.kind();
		response.setContentType(Workbooks.XLSX);
		response.setHeader(ROWS_HEADER, String.valueOf(checked.rows()));
		response.setHeader("Content-Disposition",
				Workbooks.attachment(sheet.title() + "-" + LocalDate.now() + ".xlsx"));
		this.exports.write(sheet, filters, unmask, caller, response.getOutputStream());
	}

}
