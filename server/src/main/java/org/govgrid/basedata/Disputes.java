package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.basedata.model.Dispute;
import org.govgrid.basedata.model.DisputeAction;
import org.govgrid.basedata.model.DisputeStatus;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * 矛盾纠纷: registered with their parties, then mediated step by step (each step recorded
 * with who took it) until resolved, failed or escalated; within the caller's scope.
 */
@Service
public class Disputes {

	static final List<String> ROLES = List.of("APPLICANT", "RESPONDENT", "OTHER");

	private static final int MAX_PARTIES = 50;

	private static final String SELECT = """
			select r.*, g.name as grid_name from bd_dispute r join region g on g.id = r.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<DisputeView> rows;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Disputes(NamedParameterJdbcTemplate jdbc, Placement placement, Dicts dicts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_dispute", "r", this::row);
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String type, String status) {
	}

	@Transactional
	public DisputeView create(DisputeCommand command, ScopedPrincipal caller) {
		Valid valid = validate(command, caller);
		MapSqlParameterSource params = params(valid).addValue("status", DisputeStatus.OPEN.name())
			.addValue("createdBy", caller.userId());
		long id = this.jdbc.queryForObject("""
				insert into bd_dispute (title, dispute_type, scale, parties, description, address, occurred_on,
				    grid_id, region_path, lon, lat, status, created_by, created_at, updated_at)
				values (:title, :type, :scale, cast(:parties as jsonb), :description, :address, :occurredOn, :grid,
				    :path, :lon, :lat, :status, :createdBy, :now, :now)
				returning id""", params, Long.class);
		recordStep(id, DisputeAction.REGISTER, null, caller);
		changed("DISPUTE_CREATE", id, valid.grid().code());
		return view(id, caller);
	}

	/** Edits the record (not its status) while the dispute is not closed. */
	@Transactional
	public DisputeView update(long id, DisputeCommand command, ScopedPrincipal caller) {
		DisputeView current = view(id, caller);
		Dispute.restore(DisputeStatus.valueOf(current.status())).checkEditable();
		Valid valid = validate(command, caller);
		MapSqlParameterSource params = params(valid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version());
		int updated = this.jdbc.update("""
				update bd_dispute set title = :title, dispute_type = :type, scale = :scale,
				    parties = cast(:parties as jsonb), description = :description, address = :address,
				    occurred_on = :occurredOn, grid_id = :grid, region_path = :path, lon = :lon, lat = :lat,
				    updated_at = :now, version = version + 1
				where id = :id and version = :version""", params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		changed("DISPUTE_UPDATE", id, valid.grid().code());
		return view(id, caller);
	}

	/**
	 * A mediation step: checked (400 naming the field), then allowed by the lifecycle or
	 * refused (409); a resolving or failing step's note becomes the result.
	 */
	@Transactional
	public DisputeView step(long id, DisputeCommand.Step command, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String status = this.jdbc
			.queryForList(
					"select r.status from bd_dispute r where r.id = :id and "
							+ ScopeFilter.of(caller.scope(), "r.region_path").addTo(params) + " for update",
					params, String.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("dispute", id));
		FieldErrors errors = new FieldErrors();
		DisputeAction action = stepAction(command == null ? null : command.action(), errors);
		String note = command == null ? null : command.note();
		Checks.required(errors, "note", note, 2000);
		errors.throwIfAny();
		DisputeStatus next = Dispute.restore(DisputeStatus.valueOf(status)).step(action);
		this.jdbc.update("""
				update bd_dispute set status = :status, result = case when :settles then :note else result end,
				    updated_at = :now, version = version + 1
				where id = :id""",
				params.addValue("status", next.name())
					.addValue("settles", Dispute.settles(action))
					.addValue("note", note.strip())
					.addValue("now", Timestamp.from(this.clock.instant())));
		recordStep(id, action, note.strip(), caller);
		this.audit.record(AuditRecord.success("DISPUTE_STEP", "dispute", id, action + " → " + next));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.DISPUTE, id, false));
		return view(id, caller);
	}

	/** The dispute with its steps and the steps allowed now. */
	@Transactional(readOnly = true)
	public DisputeView view(long id, ScopedPrincipal caller) {
		DisputeView dispute = find(id, caller).orElseThrow(() -> new NotFoundException("dispute", id));
		List<DisputeView.StepView> steps = this.jdbc.query(
				"select action, note, actor_name, at from bd_dispute_step where dispute_id = :id order by id",
				new MapSqlParameterSource("id", id), (rs, n) -> new DisputeView.StepView(rs.getString("action"),
						rs.getString("note"), rs.getString("actor_name"), rs.getTimestamp("at").toInstant()));
		List<String> actions = Dispute.restore(DisputeStatus.valueOf(dispute.status()))
			.allowedSteps()
			.stream()
			.map(Enum::name)
			.toList();
		return dispute.withHistory(steps, actions);
	}

	@Transactional(readOnly = true)
	public Optional<DisputeView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	@Transactional(readOnly = true)
	public PageResponse<DisputeView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/**
	 * Every dispute matching the filter, without its steps, streamed in id order
	 * (exports).
	 */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, java.util.function.Consumer<DisputeView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		return new ListFilter("r", caller.scope(), params)
			.matching(filter.q(),
					"r.title like :q or r.address like :q or exists (select 1 from"
							+ " jsonb_array_elements(r.parties) p where p ->> 'name' like :q)")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "type", "DISPUTE_TYPE", "dispute_type", filter.type())
			.code(this.dicts, "status", "DISPUTE_STATUS", "status", filter.status())
			.sql();
	}

	private static DisputeAction stepAction(String code, FieldErrors errors) {
		for (DisputeAction action : List.of(DisputeAction.MEDIATE, DisputeAction.RESOLVE, DisputeAction.FAIL,
				DisputeAction.ESCALATE)) {
			if (action.name().equals(code)) {
				return action;
			}
		}
		errors.add("action", "MEDIATE, RESOLVE, FAIL or ESCALATE / 操作无效");
		return null;
	}

	/** A checked command with its grid and its parties tidied. */
	private record Valid(DisputeCommand command, RegionSummary grid, List<DisputeCommand.Party> parties) {
	}

	private Valid validate(DisputeCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Checks.required(errors, "title", c.title(), 200);
		Checks.code(errors, this.dicts, "type", "DISPUTE_TYPE", c.type(), true);
		Checks.code(errors, this.dicts, "scale", "DISPUTE_SCALE", c.scale(), true);
		List<DisputeCommand.Party> parties = parties(c.parties(), caller, errors);
		Checks.length(errors, "description", c.description(), 4000);
		Checks.length(errors, "address", c.address(), 200);
		if (c.occurredOn() == null) {
			errors.add("occurredOn", "required / 必填");
		}
		else if (c.occurredOn().isAfter(LocalDate.now(this.clock))) {
			errors.add("occurredOn", "in the future / 发生日期不能晚于今天");
		}
		Placement.checkLocation(c.lon(), c.lat(), errors);
		RegionSummary grid = this.placement.grid(c.gridId(), null, c.lon(), c.lat(), caller, errors);
		errors.throwIfAny();
		return new Valid(c, grid, parties);
	}

	private List<DisputeCommand.Party> parties(List<DisputeCommand.Party> given, ScopedPrincipal caller,
			FieldErrors errors) {
		List<DisputeCommand.Party> parties = new ArrayList<>();
		if (given == null || given.isEmpty() || given.size() > MAX_PARTIES) {
			errors.add("parties", "1–" + MAX_PARTIES + " parties / 当事人须为1–" + MAX_PARTIES + "人");
			return parties;
		}
		for (int i = 0; i < given.size(); i++) {
			DisputeCommand.Party party = given.get(i);
			String at = "parties[" + i + "]";
			if (party == null) {
				errors.add(at + ".name", "required / 必填");
				continue;
			}
			Checks.required(errors, at + ".name", party.name(), 50);
			Checks.oneOf(errors, at + ".role", party.role(), ROLES);
			if (party.personId() != null && !this.placement.visible(BaseDataKind.PERSON, party.personId(), caller)) {
				errors.add(at + ".personId", "no such person in your area / 人员不存在或不在您的辖区");
			}
			if (Checks.present(party.name())) {
				parties.add(new DisputeCommand.Party(party.name().strip(),
						party.role() == null ? "OTHER" : party.role(), party.personId()));
			}
		}
		return parties;
	}

	private MapSqlParameterSource params(Valid v) {
		DisputeCommand c = v.command();
		return new MapSqlParameterSource("title", c.title().strip()).addValue("type", c.type())
			.addValue("scale", c.scale())
			.addValue("parties", People.JSON.writeValueAsString(v.parties()))
			.addValue("description", Checks.blankToNull(c.description()))
			.addValue("address", Checks.blankToNull(c.address()))
			.addValue("occurredOn", c.occurredOn())
			.addValue("grid", v.grid().id())
			.addValue("path", v.grid().path())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private void recordStep(long id, DisputeAction action, String note, ScopedPrincipal caller) {
		this.jdbc.update("""
				insert into bd_dispute_step (dispute_id, action, note, actor_id, actor_name, at)
				values (:id, :action, :note, :actor, :actorName, :now)""",
				new MapSqlParameterSource("id", id).addValue("action", action.name())
					.addValue("note", note)
					.addValue("actor", caller.userId())
					.addValue("actorName", caller.displayName())
					.addValue("now", Timestamp.from(this.clock.instant())));
	}

	private void changed(String action, long id, String gridCode) {
		this.audit.record(AuditRecord.success(action, "dispute", id, gridCode));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.DISPUTE, id, false));
	}

	private DisputeView row(ResultSet rs, int n) throws SQLException {
		String type = rs.getString("dispute_type");
		String scale = rs.getString("scale");
		String status = rs.getString("status");
		List<DisputeCommand.Party> parties = People.JSON.readValue(rs.getString("parties"), new TypeReference<>() {
		});
		return new DisputeView(rs.getLong("id"), rs.getString("title"), type, this.dicts.name("DISPUTE_TYPE", type),
				scale, this.dicts.name("DISPUTE_SCALE", scale), parties, rs.getString("description"),
				rs.getString("address"), rs.getObject("occurred_on", LocalDate.class), rs.getString("result"),
				rs.getLong("grid_id"), rs.getString("grid_name"), rs.getObject("lon", Double.class),
				rs.getObject("lat", Double.class), status, this.dicts.name("DISPUTE_STATUS", status),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), null, null);
	}

}
