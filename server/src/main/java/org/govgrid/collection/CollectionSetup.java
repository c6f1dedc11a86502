package org.govgrid.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.govgrid.collection.FormField.Type;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Forms and campaigns set up by the system (demo data), not by a user in the console. */
@Service
public class CollectionSetup {

	private final Forms forms;

	private final Campaigns campaigns;

	CollectionSetup(Forms forms, Campaigns campaigns) {
		this.forms = forms;
		this.campaigns = campaigns;
	}

	/**
	 * Two everyday forms of a grid worker, 出租房屋 and 独居老人走访, and a campaign for the
	 * rentals of {@code regionId} due in a month; {@code authorId} defines them.
	 */
	@Transactional
	public void demoForms(long authorId, long regionId, LocalDate today) {
		ScopedPrincipal author = new SetupActor(authorId);
		long rentals = this.forms.create(new Forms.FormCommand("RENTAL_HOUSE", "出租房屋信息采集",
				List.of(field("address", "房屋地址", Type.TEXT, true, List.of()),
						field("landlord", "房东姓名", Type.TEXT, true, List.of()),
						field("landlordIdNumber", "房东身份证号", Type.ID_CARD, false, List.of()),
						field("landlordPhone", "房东电话", Type.PHONE, true, List.of()),
						field("tenants", "承租人数", Type.NUMBER, true, List.of()),
						field("use", "租住用途", Type.SINGLE_CHOICE, true, List.of("居住", "经营", "居住兼经营")),
						field("hazards", "安全隐患", Type.MULTIPLE_CHOICE, false,
								List.of("电动车室内充电", "私拉电线", "无消防器材", "群租")),
						field("location", "位置", Type.LOCATION, false, List.of()),
						field("photos", "现场照片", Type.PHOTO, false, List.of()),
						field("note", "备注", Type.LONG_TEXT, false, List.of()))),
				author)
			.id();
		this.forms.create(new Forms.FormCommand("ELDERLY_VISIT", "独居老人走访登记",
				List.of(field("elderName", "老人姓名", Type.TEXT, true, List.of()),
						field("visitedAt", "走访时间", Type.DATETIME, true, List.of()),
						field("health", "身体状况", Type.SINGLE_CHOICE, true, List.of("良好", "一般", "较差")),
						field("needs", "需要帮助", Type.MULTIPLE_CHOICE, false, List.of("助餐", "助医", "助洁", "精神慰藉")),
						field("note", "走访情况", Type.LONG_TEXT, false, List.of()))),
				author);
		this.campaigns.create(new Campaigns.CampaignCommand(rentals, "出租房屋排查（本月）", regionId, today.plusDays(30), null),
				author);
	}

	private static FormField field(String key, String label, Type type, boolean required, List<String> options) {
		Double min = type == Type.NUMBER ? 0.0 : null;
		Double max = type == Type.NUMBER ? 200.0 : null;
		return new FormField(key, label, type, required, options, min, max, null);
	}

	/** The author of system-made forms: a real account, unrestricted in scope. */
	private record SetupActor(long userId) implements ScopedPrincipal {

		@Override
		public String username() {
			return "system";
		}

		@Override
		public DataScope scope() {
			return DataScope.SYSTEM;
		}

		@Override
		public String displayName() {
			return "system";
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of();
		}

	}

}
