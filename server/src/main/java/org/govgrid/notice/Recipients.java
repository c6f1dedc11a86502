package org.govgrid.notice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Component;

/**
 * Who receives a notice, decided once at publish. A user receives it when they hold
 * {@code notice:notice:read}, one of the target roles (none named: any), and their scope
 * is a target region or lies under it — or lies above a target but still strictly inside
 * the author's scope. So a town's notice to 狮山社区 reaches the community's chief and its
 * grid workers, a notice to one grid also its community's chief, and never the town's own
 * staff or the city admin, who manage rather than receive it. The author never receives
 * their own notice.
 */
@Component
class Recipients {

	static final String READ = "notice:notice:read";

	private final Directory directory;

	Recipients(Directory directory) {
		this.directory = directory;
	}

	record Recipient(long userId, long regionId, String regionPath) {
	}

	List<Recipient> resolve(long authorId, String authorScope, Collection<RegionSummary> targets,
			Collection<String> roleCodes) {
		List<Directory.Member> candidates = this.directory.usersWithin(authorScope, READ)
			.stream()
			.filter(m -> m.id() != authorId && reached(m.scopePath(), authorScope, targets))
			.toList();
		Map<Long, Set<String>> roles = roleCodes.isEmpty() ? Map.of()
				: this.directory.roleCodes(candidates.stream().map(Directory.Member::id).toList());
		List<Recipient> recipients = new ArrayList<>();
		for (Directory.Member member : candidates) {
			if (roleCodes.isEmpty()
					|| roles.getOrDefault(member.id(), Set.of()).stream().anyMatch(roleCodes::contains)) {
				recipients.add(new Recipient(member.id(), member.scopeRegionId(), member.scopePath()));
			}
		}
		return recipients;
	}

	static boolean reached(String userScope, String authorScope, Collection<RegionSummary> targets) {
		for (RegionSummary target : targets) {
			String t = target.path();
			if (userScope.equals(t) || userScope.startsWith(t + "/")) {
				return true;
			}
			if (t.startsWith(userScope + "/") && userScope.startsWith(authorScope + "/")) {
				return true;
			}
		}
		return false;
	}

}
