package org.govgrid.party;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.InvalidInputException.FieldProblem;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * 对接党建信息化系统: the province system pushes organisations and members by its own ids. Each
 * row is saved in its own transaction, so one bad row never holds back the others; a row
 * equal to what is stored writes nothing, so pushing the same payload twice reports every
 * row unchanged the second time. Parents are saved before their children whatever the
 * order of the push.
 */
@Service
class PartySync {

	static final int MAX_ITEMS = 2000;

	private final PartyOrganizations organizations;

	private final PartyMembers members;

	private final RegionService regions;

	private final AuditTrail audit;

	PartySync(PartyOrganizations organizations, PartyMembers members, RegionService regions, AuditTrail audit) {
		this.organizations = organizations;
		this.members = members;
		this.regions = regions;
		this.audit = audit;
	}

	PartySyncItems.Report organizations(List<PartySyncItems.OrganizationItem> items, ScopedPrincipal caller) {
		checkSize(items);
		Tally tally = new Tally();
		for (PartySyncItems.OrganizationItem item : parentsFirst(items)) {
			tally.row(item == null ? null : item.externalId(), "externalId", () -> {
				FieldErrors errors = new FieldErrors();
				Long parentId = item.parentId();
				if (item.parentExternalId() != null && !item.parentExternalId().isBlank()) {
					parentId = this.organizations.idOfExternal(item.parentExternalId().strip()).orElse(null);
					if (parentId == null) {
						errors.add("parentExternalId", "no organisation has this external id / 上级党组织外部编号不存在");
					}
				}
				Long regionId = item.regionCode() != null && !item.regionCode().isBlank()
						? code(item.regionCode(), "regionCode", errors) : item.regionId();
				List<Long> gridIds = item.gridIds();
				if (item.gridCodes() != null) {
					gridIds = new ArrayList<>();
					for (int i = 0; i < item.gridCodes().size(); i++) {
						gridIds.add(code(item.gridCodes().get(i), "gridCodes[" + i + "]", errors));
					}
				}
				errors.throwIfAny();
				return this.organizations.sync(item.externalId().strip(),
						new PartyOrganizationCommand(item.code(), item.name(), item.type(), parentId, regionId, gridIds,
								item.secretaryName(), item.foundedOn(), null),
						caller);
			});
		}
		return tally.report("organizations", this.audit);
	}

	PartySyncItems.Report members(List<PartySyncItems.MemberItem> items, ScopedPrincipal caller) {
		checkSize(items);
		Tally tally = new Tally();
		for (PartySyncItems.MemberItem item : items) {
			tally.row(item == null ? null : item.externalId(), "idNumber", () -> {
				FieldErrors errors = new FieldErrors();
				Long organizationId = item.organizationId();
				if (item.organizationExternalId() != null && !item.organizationExternalId().isBlank()) {
					organizationId = this.organizations.idOfExternal(item.organizationExternalId().strip())
						.orElse(null);
					if (organizationId == null) {
						errors.add("organizationExternalId", "no organisation has this external id / 党组织外部编号不存在");
					}
				}
				Long gridId = item.gridCode() != null && !item.gridCode().isBlank()
						? code(item.gridCode(), "gridCode", errors) : item.gridId();
				errors.throwIfAny();
				return this.members.sync(item.externalId().strip(),
						new MemberCommand(item.name(), item.gender(), item.idNumber(), item.phone(), organizationId,
								item.status(), item.joinedOn(), gridId, item.dualReport(), null),
						caller);
			});
		}
		return tally.report("members", this.audit);
	}

	private Long code(String code, String field, FieldErrors errors) {
		RegionSummary region = code == null ? null : this.regions.findByCode(code.strip()).orElse(null);
		if (region == null) {
			errors.add(field, "no region has this code / 区划或网格编码不存在");
			return null;
		}
		return region.id();
	}

	private static void checkSize(List<?> items) {
		if (items == null) {
			throw new InvalidInputException("items", "required / 必填");
		}
		if (items.size() > MAX_ITEMS) {
			throw new InvalidInputException("items", "at most " + MAX_ITEMS + " rows a push / 每次最多" + MAX_ITEMS + "条");
		}
	}

	/** The push reordered so that a parent named in it comes before its children. */
	static List<PartySyncItems.OrganizationItem> parentsFirst(List<PartySyncItems.OrganizationItem> items) {
		Map<String, PartySyncItems.OrganizationItem> pending = new LinkedHashMap<>();
		List<PartySyncItems.OrganizationItem> ordered = new ArrayList<>();
		for (PartySyncItems.OrganizationItem item : items) {
			if (item == null || item.externalId() == null || pending.containsKey(item.externalId().strip())) {
				ordered.add(item);
			}
			else {
				pending.put(item.externalId().strip(), item);
			}
		}
		Set<String> placed = new HashSet<>();
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			progress = false;
			for (var it = pending.values().iterator(); it.hasNext();) {
				PartySyncItems.OrganizationItem item = it.next();
				String parent = item.parentExternalId() == null ? null : item.parentExternalId().strip();
				if (parent == null || placed.contains(parent) || !pending.containsKey(parent)
						|| parent.equals(item.externalId().strip())) {
					ordered.add(item);
					placed.add(item.externalId().strip());
					it.remove();
					progress = true;
				}
			}
		}
		ordered.addAll(pending.values());
		return ordered;
	}

	/** Counts rows as they are saved, each in its own transaction. */
	private static final class Tally {

		private int created;

		private int updated;

		private int unchanged;

		private final List<PartySyncItems.Failure> failed = new ArrayList<>();

		private final Set<String> seen = new HashSet<>();

		void row(String externalId, String conflictField, Supplier<PartyOrganizations.Outcome> save) {
			if (externalId == null || externalId.isBlank() || externalId.strip().length() > 64) {
				this.failed.add(new PartySyncItems.Failure(externalId,
						List.of(new FieldProblem("externalId", "1–64 characters / 外部编号须为1–64位"))));
				return;
			}
			if (!this.seen.add(externalId.strip())) {
				this.failed.add(new PartySyncItems.Failure(externalId,
						List.of(new FieldProblem("externalId", "given twice in this push / 同一批次中重复"))));
				return;
			}
			try {
				switch (save.get()) {
					case CREATED -> this.created++;
					case UPDATED -> this.updated++;
					case UNCHANGED -> this.unchanged++;
				}
			}
			catch (InvalidInputException ex) {
				this.failed.add(new PartySyncItems.Failure(externalId, ex.errors()));
			}
			catch (ConflictException ex) {
				this.failed.add(new PartySyncItems.Failure(externalId,
						List.of(new FieldProblem(conflictField, ex.getMessage()))));
			}
			catch (NotFoundException ex) {
				this.failed.add(new PartySyncItems.Failure(externalId,
						List.of(new FieldProblem("externalId", "known, but outside your area / 已存在，但不在您的辖区"))));
			}
			catch (DataIntegrityViolationException ex) {
				// a concurrent push saved the same row first; the next push finds it
				this.failed.add(new PartySyncItems.Failure(externalId,
						List.of(new FieldProblem("externalId", "saved concurrently; push again / 并发写入，请重新推送"))));
			}
		}

		PartySyncItems.Report report(String what, AuditTrail audit) {
			audit.record(AuditRecord.success("PARTY_SYNC", "party-" + what, null, what + " created=" + this.created
					+ " updated=" + this.updated + " unchanged=" + this.unchanged + " failed=" + this.failed.size()));
			return new PartySyncItems.Report(this.created, this.updated, this.unchanged, this.failed);
		}

	}

}
