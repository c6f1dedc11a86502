package org.govgrid.dictionary;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.platform.TextRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes to the code tables by the system admin. Each change bumps the table's version
 * and writes one history row (before and after as JSON) and one audit row, in the same
 * transaction. System items cannot be deleted (disable them) and no code is ever renamed.
 */
@Service
class DictionaryEditor {

	private static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final Pattern ITEM_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,29}");

	private final JdbcClient jdbc;

	private final Dictionaries dictionaries;

	private final AuditTrail audit;

	private final Clock clock;

	DictionaryEditor(JdbcClient jdbc, Dictionaries dictionaries, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.dictionaries = dictionaries;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	DictionaryType createType(TypeCommand command, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String code = command.code() == null ? null : command.code().strip();
		if (code == null || code.isEmpty()) {
			errors.add("code", "required / 必填");
		}
		else if (!TYPE_CODE.matcher(code).matches()) {
			errors.add("code", "upper-case letters, digits and _, 2–40 characters / 须为2至40位大写字母、数字或下划线");
		}
		checkNames(errors, command.name(), command.nameEn());
		errors.throwIfAny();
		if (exists("select count(*) from dict_type where code = :code", code, null)) {
			throw new ConflictException("a code table with this code exists / 该字典类型代码已存在");
		}
		this.jdbc.sql("insert into dict_type (code, name, name_en, updated_at) values (:code, :name, :en, :now)")
			.param("code", code)
			.param("name", command.name().strip())
			.param("en", blankToNull(command.nameEn()))
			.param("now", now())
			.update();
		history(code, null, "TYPE_CREATE", null, typeJson(code), caller);
		return this.dictionaries.type(code);
	}

	@Transactional
	DictionaryItem create(String type, ItemCommand command, ScopedPrincipal caller) {
		DictionaryType table = this.dictionaries.type(type);
		FieldErrors errors = new FieldErrors();
		String code = command.code() == null ? null : command.code().strip();
		if (code == null || code.isEmpty()) {
			errors.add("code", "required / 必填");
		}
		else if (!ITEM_CODE.matcher(code).matches()) {
			errors.add("code", "letters, digits, _ . -, at most 30 characters / 须为最多30位字母、数字或_.-");
		}
		checkItem(errors, type, code, command);
		errors.throwIfAny();
		if (table.closed()) {
			throw new ConflictException("the program acts on each code of " + type
					+ ": no codes can be added, only renamed / 该字典的代码由程序使用，只能修改名称，不能新增");
		}
		if (exists("select count(*) from dict_item where type = :type and code = :code", type, code)) {
			throw new ConflictException("the code exists in " + type + " / 该代码已存在");
		}
		this.jdbc.sql("""
				insert into dict_item (type, code, name, name_en, sort, enabled, parent_code, updated_at)
				values (:type, :code, :name, :en, :sort, :enabled, :parent, :now)""")
			.param("type", type)
			.param("code", code)
			.param("name", command.name().strip())
			.param("en", blankToNull(command.nameEn()))
			.param("sort", command.sort() != null ? command.sort() : nextSort(type))
			.param("enabled", command.enabled() == null || command.enabled())
			.param("parent", blankToNull(command.parentCode()))
			.param("now", now())
			.update();
		changed(type, code, "CREATE", null, caller);
		return item(type, code);
	}

	@Transactional
	DictionaryItem update(String type, String code, ItemCommand command, ScopedPrincipal caller) {
		DictionaryType table = this.dictionaries.type(type);
		String before = itemJson(type, code);
		if (before == null) {
			throw new NotFoundException("code " + code + " of", type);
		}
		FieldErrors errors = new FieldErrors();
		if (command.code() != null && !command.code().strip().equals(code)) {
			errors.add("code", "a code never changes / 代码不可修改");
		}
		checkItem(errors, type, code, command);
		if (table.closed() && Boolean.FALSE.equals(command.enabled())) {
			errors.add("enabled", "the program acts on each code of " + type + " / 该字典的代码由程序使用，不能停用");
		}
		errors.throwIfAny();
		this.jdbc.sql("""
				update dict_item set name = :name, name_en = :en, sort = coalesce(:sort, sort),
				    enabled = coalesce(:enabled, enabled), parent_code = :parent, updated_at = :now
				where type = :type and code = :code""")
			.param("type", type)
			.param("code", code)
			.param("name", command.name().strip())
			.param("en", blankToNull(command.nameEn()))
			.param("sort", command.sort())
			.param("enabled", command.enabled())
			.param("parent", blankToNull(command.parentCode()))
			.param("now", now())
			.update();
		changed(type, code, action(before, command), before, caller);
		return item(type, code);
	}

	/**
	 * Removes an item the admin added; a system item is refused (409): disable it
	 * instead.
	 */
	@Transactional
	void delete(String type, String code, ScopedPrincipal caller) {
		this.dictionaries.type(type);
		DictionaryItem item = this.dictionaries.item(type, code)
			.orElseThrow(() -> new NotFoundException("code " + code + " of", type));
		if (item.system()) {
			throw new ConflictException("a system code cannot be deleted, only disabled / 系统字典项不能删除，只能停用");
		}
		if (exists("select count(*) from dict_item where type = :type and parent_code = :code", type, code)) {
			throw new ConflictException("the code has child codes / 该字典项下还有子项，不能删除");
		}
		String before = itemJson(type, code);
		this.jdbc.sql("delete from dict_item where type = :type and code = :code")
			.param("type", type)
			.param("code", code)
			.update();
		changed(type, code, "DELETE", before, caller);
	}

	@Transactional(readOnly = true)
	List<DictionaryChange> history(String type) {
		this.dictionaries.type(type);
		return this.jdbc
			.sql("""
					select id, item_code, action, version, before::text as before, after::text as after, changed_by, changed_at
					from dict_change where type = :type order by id desc limit 200""")
			.param("type", type)
			.query((rs, n) -> new DictionaryChange(rs.getLong("id"), rs.getString("item_code"), rs.getString("action"),
					rs.getInt("version"), rs.getString("before"), rs.getString("after"), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class)))
			.list();
	}

	private void checkItem(FieldErrors errors, String type, String code, ItemCommand command) {
		checkNames(errors, command.name(), command.nameEn());
		if (command.sort() != null && (command.sort() < 0 || command.sort() > 99999)) {
			errors.add("sort", "0 to 99999 / 须在0至99999之间");
		}
		String parent = blankToNull(command.parentCode());
		if (parent != null && (parent.equals(code)
				|| !exists("select count(*) from dict_item where type = :type and code = :code", type, parent))) {
			errors.add("parentCode", "not another code of " + type + " / 上级代码无效");
		}
	}

	private static void checkNames(FieldErrors errors, String name, String nameEn) {
		if (name == null || name.isBlank()) {
			errors.add("name", "required / 必填");
		}
		else if (name.strip().length() > 100) {
			errors.add("name", "at most 100 characters / 最长100字");
		}
		else if (!TextRules.acceptable(name)) {
			errors.add("name", TextRules.MESSAGE);
		}
		if (nameEn != null && nameEn.strip().length() > 100) {
			errors.add("nameEn", "at most 100 characters / 最长100字");
		}
		else if (nameEn != null && !TextRules.acceptable(nameEn)) {
			errors.add("nameEn", TextRules.MESSAGE);
		}
	}

	private static String action(String before, ItemCommand command) {
		if (command.enabled() == null) {
			return "UPDATE";
		}
		boolean was = before.contains("\"enabled\": true");
		return command.enabled() == was ? "UPDATE" : command.enabled() ? "ENABLE" : "DISABLE";
	}

	/**
	 * Bumps the version, writes history and audit, and drops the cache once committed.
	 */
	private void changed(String type, String code, String action, String before, ScopedPrincipal caller) {
		history(type, code, action, before, itemJson(type, code), caller);
		this.audit.record(AuditRecord.success("DICTIONARY_" + action, "dictionary", type + "/" + code, null));
	}

	private void history(String type, String code, String action, String before, String after, ScopedPrincipal caller) {
		int version = this.jdbc
			.sql("update dict_type set version = version + 1, updated_at = :now where code = :type returning version")
			.param("type", type)
			.param("now", now())
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				insert into dict_change (type, item_code, action, version, before, after, changed_by, changed_at)
				values (:type, :code, :action, :version, cast(:before as jsonb), cast(:after as jsonb), :by, :now)""")
			.param("type", type)
			.param("code", code)
			.param("action", action)
			.param("version", version)
			.param("before", before)
			.param("after", after)
			.param("by", caller.username())
			.param("now", now())
			.update();
		if (code == null) {
			this.audit.record(AuditRecord.success("DICTIONARY_" + action, "dictionary", type, null));
		}
		forgetAfterCommit(type);
	}

	private void forgetAfterCommit(String type) {
		this.dictionaries.forget(type);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					DictionaryEditor.this.dictionaries.forget(type);
				}
			});
		}
	}

	private DictionaryItem item(String type, String code) {
		this.dictionaries.forget(type);
		return this.dictionaries.item(type, code).orElseThrow();
	}

	private String itemJson(String type, String code) {
		return this.jdbc.sql("""
				select jsonb_build_object('code', code, 'name', name, 'nameEn', name_en, 'sort', sort,
				    'enabled', enabled, 'system', system, 'parentCode', parent_code)::text
				from dict_item where type = :type and code = :code""")
			.param("type", type)
			.param("code", code)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String typeJson(String code) {
		return this.jdbc
			.sql("select jsonb_build_object('code', code, 'name', name, 'nameEn', name_en)::text from dict_type"
					+ " where code = :code")
			.param("code", code)
			.query(String.class)
			.single();
	}

	private boolean exists(String sql, String type, String code) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (sql.contains(":type")) {
			statement = statement.param("type", type);
		}
		statement = statement.param("code", code != null ? code : type);
		return statement.query(Long.class).single() > 0;
	}

	private int nextSort(String type) {
		return this.jdbc.sql("select coalesce(max(sort), 0) + 1 from dict_item where type = :type")
			.param("type", type)
			.query(Integer.class)
			.single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
