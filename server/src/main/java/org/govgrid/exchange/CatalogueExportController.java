package org.govgrid.exchange;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * xlsx export of a table of the Jiangsu resource catalogue (标准 7.3.2b): the caller's
 * records in the catalogue's columns, streamed and audited.
 */
@RestController
class CatalogueExportController {

	private final CatalogueExports exports;

	CatalogueExportController(CatalogueExports exports) {
		this.exports = exports;
	}

	@GetMapping("/api/v1/exports/catalogue/{kind}.xlsx")
	@PreAuthorize("hasAuthority('basedata:export')")
	void export(@PathVariable String kind, @RequestParam(defaultValue = "false") boolean unmask,
			HttpServletResponse response) throws IOException {
		ScopedPrincipal caller = CurrentUser.require();
		CatalogueTable<?> table = this.exports.check(kind, unmask, caller);
		response.setContentType(Workbooks.XLSX);
		response.setHeader("Content-Disposition",
				Workbooks.attachment("江苏省资源目录-" + table.title() + "-" + LocalDate.now() + ".xlsx"));
		this.exports.write(table, unmask, caller, response.getOutputStream());
	}

}
