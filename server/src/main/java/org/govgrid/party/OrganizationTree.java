package org.govgrid.party;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the organisation tree; an organisation whose parent the caller cannot see
 * hangs at the top.
 */
record OrganizationTree(long id, String code, String name, String type, long regionId, long memberCount,
		List<OrganizationTree> children) {

	static List<OrganizationTree> of(List<PartyOrganizationView> organizations) {
		Map<Long, OrganizationTree> nodes = new HashMap<>();
		for (PartyOrganizationView o : organizations) {
			nodes.put(o.id(), new OrganizationTree(o.id(), o.code(), o.name(), o.type(), o.regionId(), o.memberCount(),
					new ArrayList<>()));
		}
		List<OrganizationTree> roots = new ArrayList<>();
		for (PartyOrganizationView o : organizations) {
			OrganizationTree parent = o.parentId() == null ? null : nodes.get(o.parentId());
			(parent == null ? roots : parent.children()).add(nodes.get(o.id()));
		}
		return roots;
	}

}
