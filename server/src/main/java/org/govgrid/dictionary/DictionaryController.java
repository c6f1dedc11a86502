package org.govgrid.dictionary;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The code tables: read by every signed-in user (forms and filters), changed by the
 * system admin. A table answers with its version as ETag, so a client asks again cheaply.
 */
@RestController
@RequestMapping("/api/v1/dictionaries")
class DictionaryController {

	private final Dictionaries dictionaries;

	private final DictionaryEditor editor;

	DictionaryController(Dictionaries dictionaries, DictionaryEditor editor) {
		this.dictionaries = dictionaries;
		this.editor = editor;
	}

	@GetMapping
	List<DictionaryType> types() {
		return this.dictionaries.types();
	}

	@GetMapping("/{type}")
	ResponseEntity<DictionaryView> table(@PathVariable String type, WebRequest request) {
		DictionaryType header = this.dictionaries.type(type);
		String etag = "\"" + header.code() + "-" + header.version() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(new DictionaryView(header, this.dictionaries.items(type)));
	}

	@GetMapping("/{type}/history")
	@PreAuthorize("hasAuthority('dictionary:history:read')")
	List<DictionaryChange> history(@PathVariable String type) {
		return this.editor.history(type);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('dictionary:type:create')")
	DictionaryType createType(@RequestBody TypeCommand command) {
		return this.editor.createType(command, CurrentUser.require());
	}

	@PostMapping("/{type}/items")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('dictionary:item:create')")
	DictionaryItem create(@PathVariable String type, @RequestBody ItemCommand command) {
		return this.editor.create(type, command, CurrentUser.require());
	}

	@PutMapping("/{type}/items/{item}")
	@PreAuthorize("hasAuthority('dictionary:item:update')")
	DictionaryItem update(@PathVariable String type, @PathVariable String item, @RequestBody ItemCommand command) {
		return this.editor.update(type, item, command, CurrentUser.require());
	}

	@DeleteMapping("/{type}/items/{item}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('dictionary:item:delete')")
	void delete(@PathVariable String type, @PathVariable String item) {
		this.editor.delete(type, item, CurrentUser.require());
	}

}
