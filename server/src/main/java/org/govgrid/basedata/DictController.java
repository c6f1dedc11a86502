package org.govgrid.basedata;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Code tables for forms and imports; any signed-in user may read them. */
@RestController
class DictController {

	private final Dicts dicts;

	DictController(Dicts dicts) {
		this.dicts = dicts;
	}

	@GetMapping("/api/v1/dicts/{type}")
	List<Dicts.Entry> entries(@PathVariable String type) {
		return this.dicts.entries(type);
	}

}
