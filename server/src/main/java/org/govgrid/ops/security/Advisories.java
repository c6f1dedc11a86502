package org.govgrid.ops.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an offline vulnerability feed: one OSV JSON record, a JSON array of them, or a
 * zip of such files (how osv.dev publishes an ecosystem). All or nothing: one bad record
 * refuses the whole upload, naming every bad field.
 */
@Service
class Advisories {

	/** More than the Maven and npm ecosystems together hold today. */
	static final int MAX_RECORDS = 200_000;

	static final long MAX_UNZIPPED = 1L << 30;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AdvisoryStore store;

	private final AuditTrail audit;

	Advisories(AdvisoryStore store, AuditTrail audit) {
		this.store = store;
		this.audit = audit;
	}

	/** What an upload did. */
	record Loaded(int loaded, int advisories) {
	}

	@Transactional
	Loaded load(byte[] body, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Map<String, Advisory> parsed = new LinkedHashMap<>();
		if (body == null || body.length == 0) {
			errors.add("file", "an OSV JSON file or a zip of them is required").throwIfAny();
		}
		for (Map.Entry<String, byte[]> file : files(body, errors).entrySet()) {
			JsonNode root;
			try {
				root = JSON.readTree(file.getValue());
			}
			catch (JacksonException ex) {
				errors.add(file.getKey(), "not valid JSON");
				continue;
			}
			List<JsonNode> records = new ArrayList<>();
			if (root.isArray()) {
				root.forEach(records::add);
			}
			else {
				records.add(root);
			}
			for (int i = 0; i < records.size(); i++) {
				String where = root.isArray() ? file.getKey() + "[" + i + "]" : file.getKey();
				Advisory.parse(records.get(i), where, errors).ifPresent((a) -> parsed.put(a.id(), a));
			}
			if (parsed.size() > MAX_RECORDS) {
				errors.add("file", "at most " + MAX_RECORDS + " advisories in one upload");
				break;
			}
		}
		if (parsed.isEmpty() && errors.isEmpty()) {
			errors.add("file", "no OSV record found");
		}
		errors.throwIfAny();
		parsed.values().forEach((advisory) -> this.store.save(advisory, caller.username()));
		this.audit.record(AuditRecord.success("OPS_ADVISORIES_LOAD", "advisory", null, "loaded=" + parsed.size()));
		return new Loaded(parsed.size(), this.store.count());
	}

	/** The uploaded JSON by name: the body itself, or each {@code .json} of a zip. */
	private static Map<String, byte[]> files(byte[] body, FieldErrors errors) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		boolean zip = body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
		if (!zip) {
			files.put("file", body);
			return files;
		}
		long total = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(body))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.isDirectory() || !entry.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
					continue;
				}
				byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED - total + 1));
				total += content.length;
				if (total > MAX_UNZIPPED) {
					errors.add("file", "the zip unpacks to more than 1 GiB");
					return Map.of();
				}
				files.put(entry.getName(), content);
			}
		}
		catch (IOException ex) {
			errors.add("file", "not a readable zip file");
		}
		if (files.isEmpty() && errors.isEmpty()) {
			errors.add("file", "the zip holds no .json file");
		}
		return files;
	}

}
