package org.govgrid.console;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 信息采集 in the console, in a real Chromium: the administrator designs a form (several
 * field types, a reorder, a removal, our own and the server's field errors on their
 * inputs), publishes it and starts a campaign; worker1 collects a record through the API;
 * chief1 returns it with a comment from the review drawer, worker1 resubmits, chief1
 * approves it, and the records page lists it under worker1. Screenshots land in
 * {@code target/screenshots}.
 */
class CollectionConsoleBrowserIT extends BrowserTest {

	@Test
	void aFormIsDesignedCollectedReturnedResubmittedAndApproved() {
		String nonce = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String code = "RENT-" + nonce;
		String name = "出租房屋信息采集 " + nonce;
		ApiClient adminApi = this.accounts.demo(this.port, "admin");
		long worker1Id = this.accounts.id("worker1");
		String worker1Name = this.jdbc.queryForObject("select display_name from app_user where id = ?", String.class,
				worker1Id);
		// a form whose code the designer will first (and wrongly) reuse
		String takenCode = "TAKEN-" + nonce;
		assertThat(adminApi
			.post("/api/v1/collection/forms", Map.of("code", takenCode, "name", "占用编码", "fields",
					List.of(Map.of("key", "a", "label", "A", "type", "TEXT"))))
			.status()).isEqualTo(201);

		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));

		// 表单模板 → 新建表单: seven fields, one moved up, one removed
		page.navigate(url("/collection/forms"));
		page.click("[data-testid=form-create]");
		page.waitForURL(Pattern.compile(".*/collection/forms/new$"));
		page.fill("[data-testid=designer-code]", takenCode);
		page.fill("[data-testid=designer-name]", name);
		fillField(page, 0, "房东姓名", "owner", null, true);
		page.click("[data-testid=field-add]");
		fillField(page, 1, "身份证号", "idCard", "身份证号", true);
		page.click("[data-testid=field-add]");
		fillField(page, 2, "联系电话", "owner", "电话号码", false);
		page.click("[data-testid=field-add]");
		fillField(page, 3, "出租间数", "rooms", "数字", true);
		field(page, 3).locator("[data-testid=field-min] input").fill("1");
		field(page, 3).locator("[data-testid=field-max] input").fill("20");
		field(page, 3).locator("[data-testid=field-max] input").press("Tab");
		page.click("[data-testid=field-add]");
		fillField(page, 4, "现场照片", "photos", "照片", false);
		page.click("[data-testid=field-add]");
		fillField(page, 5, "房屋用途", "usage", "单选", true);
		Locator options = field(page, 5).locator("input[data-testid=field-options], [data-testid=field-options] input")
			.first();
		for (String option : List.of("自住", "出租", "经营")) {
			options.fill(option);
			options.press("Enter");
		}
		page.click("[data-testid=field-add]");
		fillField(page, 6, "房屋位置", "spot", "位置", false);
		// moved above the photos, then a blank field added and removed again
		field(page, 5).locator("[data-testid=field-up]").click();
		assertThat(field(page, 4).locator("input[data-testid=field-label]")).hasValue("房屋用途");
		page.click("[data-testid=field-add]");
		assertThat(page.locator(".field-card")).hasCount(8);
		field(page, 7).locator("[data-testid=field-remove]").click();
		assertThat(page.locator(".field-card")).hasCount(7);

		// the live preview follows the definition
		Locator preview = page.locator("[data-testid=form-preview]");
		assertThat(preview.locator("[data-testid=preview-usage]")).containsText("出租");
		assertThat(preview.locator("[data-testid=preview-rooms]")).containsText("1 – 20");
		assertThat(preview.locator("[data-testid=preview-photos]")).containsText("拍照");

		// our check: the phone field reuses the key "owner", marked on its key input
		page.click("[data-testid=designer-publish]");
		assertThat(field(page, 2).locator(".el-form-item__error")).containsText("字段标识重复");
		field(page, 2).locator("input[data-testid=field-key]").fill("phone");
		// the server's check: the code is taken, marked on the code input
		page.click("[data-testid=designer-publish]");
		assertThat(page.locator(".el-form-item:has([data-testid=designer-code]) .el-form-item__error"))
			.containsText("编码已存在");
		page.fill("[data-testid=designer-code]", code);
		shoot(page, "console-collection-designer");
		page.click("[data-testid=designer-publish]");
		page.waitForURL(Pattern.compile(".*/collection/forms$"));

		Locator formRow = page.locator("[data-testid=form-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(code));
		assertThat(formRow).containsText(name);
		assertThat(formRow).containsText("V1");
		assertThat(formRow.locator("td").nth(3)).hasText("7");
		JsonNode form = adminApi.get("/api/v1/collection/forms")
			.json()
			.valueStream()
			.filter(f -> f.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
		long formId = form.path("id").asLong();
		assertThat(form.path("fields")).extracting(f -> f.path("key").asString())
			.containsExactly("owner", "idCard", "phone", "rooms", "usage", "photos", "spot");
		assertThat(form.path("fields").get(3).path("max").asDouble()).isEqualTo(20.0);
		assertThat(form.path("fields").get(4).path("options")).extracting(JsonNode::asString)
			.containsExactly("自住", "出租", "经营");
		assertThat(page.locator("[data-testid=form-table] .el-loading-mask")).isHidden();
		shoot(page, "console-collection-forms");

		// 发布新版本 starts from the current fields
		formRow.locator("[data-testid=form-new-version]").click();
		page.waitForURL(Pattern.compile(".*/collection/forms/" + formId + "/versions/new$"));
		assertThat(page.locator(".field-card")).hasCount(7);
		assertThat(page.locator(".version-hint")).containsText("当前 V1，发布后为 V2");
		assertThat(page.locator("input[data-testid=designer-code]")).isDisabled();
		page.click("text=返回");
		page.waitForURL(Pattern.compile(".*/collection/forms$"));

		// 采集任务: a campaign for 狮山街道, due in a week, named to worker1
		String campaignName = "出租房屋排查 " + nonce;
		String due = LocalDate.now().plusDays(7).toString();
		page.navigate(url("/collection/campaigns"));
		page.click("[data-testid=campaign-create]");
		Locator dialog = page.locator("[data-testid=campaign-dialog]");
		dialog.locator("[data-testid=campaign-form]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(name)).first().click();
		page.fill("[data-testid=campaign-name]", campaignName);
		dialog.locator("[data-testid=campaign-region] .el-select").click();
		dialog.locator("[data-testid=campaign-region] input").first().fill("狮山街道");
		page.locator(".el-tree-node__content:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*狮山街道")))
			.first()
			.click();
		Locator dueInput = dialog.locator("[data-testid=campaign-due] input");
		dueInput.fill(due);
		dueInput.press("Enter");
		dialog.locator(".el-dialog__title").click();
		dialog.locator("[data-testid=campaign-workers] .el-select").click();
		page.locator(".el-select-dropdown__item:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + worker1Name)))
			.first()
			.click();
		dialog.locator(".el-dialog__title").click();
		assertThat(dialog.locator("[data-testid=campaign-workers]")).containsText(worker1Name);
		assertThat(page.locator(".el-select__popper:visible")).hasCount(0);
		shoot(page, "console-collection-campaign-dialog");
		page.click("[data-testid=campaign-submit]");
		assertThat(dialog).isHidden();
		Locator campaignRow = page.locator("[data-testid=campaign-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(campaignName));
		assertThat(campaignRow).containsText("狮山街道");
		assertThat(campaignRow).containsText(due);
		assertThat(campaignRow).containsText(worker1Name);
		shoot(page, "console-collection-campaigns");
		long campaignId = this.jdbc.queryForObject("select id from collection_campaign where name = ?", Long.class,
				campaignName);
		page.context().close();
		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/collection/campaigns").json())
			.as("a campaign naming worker1 is not worker2's")
			.extracting(c -> c.path("id").asLong())
			.doesNotContain(campaignId);

		// worker1 collects in their grid through the API (the phone app's calls)
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long photo = worker1.upload("/api/v1/files", "room.jpg", TestImages.jpg(320, 240)).json().path("id").asLong();
		double[] point = center("320505006001001");
		Map<String, Object> answers = new HashMap<>(
				Map.of("owner", "王建国", "idCard", "11010519491231002X", "phone", "1391234567", "rooms", 3, "usage", "出租",
						"photos", List.of(photo), "spot", Map.of("lon", point[0], "lat", point[1])));
		Map<String, Object> record = Map.of("formId", formId, "campaignId", campaignId, "lon", point[0], "lat",
				point[1], "answers", answers);
		assertThat(worker1.post("/api/v1/collection/records", record).errorFields()).containsExactly("answers.phone");
		answers.put("phone", "13912345678");
		Response submitted = worker1.post("/api/v1/collection/records", record,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		long recordId = submitted.json().path("id").asLong();

		// chief1 reviews: the drawer renders the answers by the form; 退回 needs a comment
		this.accounts.demo(this.port, "chief1");
		Page chief = newPage();
		signIn(chief, "chief1", Accounts.PASSWORD);
		chief.waitForURL(url -> !url.contains("login"));
		chief.navigate(url("/collection/forms"));
		assertThat(chief.locator("[data-testid=form-table]")).containsText(code);
		assertThat(chief.locator("[data-testid=form-create]")).hasCount(0);
		chief.navigate(url("/collection/review"));
		Locator reviewRow = chief.locator("[data-testid=record-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHas(chief.locator("[data-testid=record-link]",
					new Page.LocatorOptions().setHasText(Pattern.compile("^#" + recordId + "$")))));
		assertThat(reviewRow).containsText(name);
		assertThat(reviewRow).containsText("待审核");
		assertThat(reviewRow.locator("[data-testid=row-approve]")).isVisible();
		shoot(chief, "console-collection-review");
		reviewRow.locator("[data-testid=record-link]").click();
		Locator drawer = chief.locator("[data-testid=record-drawer]");
		assertThat(drawer.locator("[data-testid=record-status]")).hasText("待审核");
		assertThat(drawer.locator("[data-testid=answer-owner]")).hasText("王建国");
		assertThat(drawer.locator("[data-testid=answer-idCard]")).containsText("002X");
		assertThat(drawer.locator("[data-testid=answer-usage]")).hasText("出租");
		assertThat(drawer.locator("[data-testid=answer-rooms]")).hasText("3");
		Locator thumbnail = drawer.locator("[data-testid=answer-photos] img");
		assertThat(thumbnail).hasAttribute("src", "/api/v1/files/" + photo + "/thumbnail");
		chief.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
		drawer.locator("[data-testid=answer-spot] .event-pin").waitFor();
		drawer.locator("path.map-boundary").first().waitFor();
		assertThat(drawer.locator("[data-testid=step-SUBMIT]")).containsText("提交");
		shoot(chief, "console-collection-drawer");

		drawer.locator("[data-testid=record-return]").click();
		Locator returnDialog = chief.locator("[data-testid=return-dialog]");
		returnDialog.locator("[data-testid=return-submit]").click();
		assertThat(returnDialog.locator(".el-form-item__error")).containsText("请填写退回原因");
		returnDialog.locator("[data-testid=return-comment]").fill("联系电话与房东不符，请核实后重新提交");
		assertThat(returnDialog.locator(".el-form-item.is-error")).hasCount(0);
		chief.waitForTimeout(400); // the error border fades out
		shoot(chief, "console-collection-return");
		returnDialog.locator("[data-testid=return-submit]").click();
		assertThat(returnDialog).isHidden();
		assertThat(drawer.locator("[data-testid=record-status]")).hasText("已退回");
		assertThat(drawer.locator("[data-testid=step-RETURN]")).containsText("联系电话与房东不符");
		assertThat(drawer.locator("[data-testid=record-approve]")).hasCount(0);
		drawer.locator(".el-drawer__close-btn").click();
		assertThat(reviewRow).hasCount(0);

		// worker1 corrects the phone and resubmits
		answers.put("phone", "13900001111");
		Response resubmitted = worker1.post("/api/v1/collection/records/" + recordId + "/resubmit",
				Map.of("answers", answers));
		assertThat(resubmitted.json().path("status").asString()).as(resubmitted.body()).isEqualTo("SUBMITTED");

		// back in the queue; approved from the drawer
		chief.click("[data-testid=filter-search]");
		assertThat(reviewRow).containsText("待审核");
		reviewRow.locator("[data-testid=record-link]").click();
		// the reviewer sees the collector's phone masked
		assertThat(drawer.locator("[data-testid=answer-phone]")).hasText("139****1111");
		assertThat(drawer.locator("[data-testid=step-RESUBMIT]")).containsText("重新提交");
		drawer.locator("[data-testid=record-approve]").click();
		chief.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(drawer.locator("[data-testid=record-status]")).hasText("已通过");
		assertThat(drawer.locator("[data-testid=record-steps] .el-timeline-item")).hasCount(4);
		assertThat(drawer.locator("[data-testid=step-APPROVE]")).containsText("通过");
		drawer.locator("[data-testid=record-steps]").scrollIntoViewIfNeeded();
		shoot(chief, "console-collection-approved");
		drawer.locator(".el-drawer__close-btn").click();
		assertThat(this.jdbc.queryForList("select action from collection_review where record_id = ? order by id",
				String.class, recordId))
			.containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE");

		// 采集记录: worker1's records, with the approved one
		chief.navigate(url("/collection/records"));
		Locator workerCount = chief.locator("[data-testid=worker-" + worker1Id + "]");
		assertThat(workerCount).containsText(worker1Name);
		assertThat(workerCount).containsText("已通过");
		workerCount.click();
		Locator recordRow = chief.locator("[data-testid=record-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHas(chief.locator("[data-testid=record-link]",
					new Page.LocatorOptions().setHasText(Pattern.compile("^#" + recordId + "$")))));
		assertThat(recordRow).containsText(worker1Name);
		assertThat(recordRow).containsText("已通过");
		assertThat(chief.locator("[data-testid=record-table] .el-table__body tr")).not().hasCount(0);
		for (String collector : chief.locator("[data-testid=record-table] .el-table__body tr td:nth-child(3)")
			.allInnerTexts()) {
			assertThat(collector.trim()).isEqualTo(worker1Name);
		}
		shoot(chief, "console-collection-records");

		// a new version without the location: the record keeps v1, its answer is still
		// shown
		List<Map<String, Object>> v2 = new java.util.ArrayList<>();
		form.path("fields").forEach(f -> {
			if (!f.path("key").asString().equals("spot")) {
				v2.add(Map.of("key", f.path("key").asString(), "label", f.path("label").asString(), "type",
						f.path("type").asString(), "required", f.path("required").asBoolean(), "options",
						f.path("options").valueStream().map(JsonNode::asString).toList()));
			}
		});
		assertThat(adminApi.post("/api/v1/collection/forms/" + formId + "/versions", Map.of("fields", v2))
			.json()
			.path("version")
			.asInt()).isEqualTo(2);
		chief.reload();
		recordRow.locator("[data-testid=record-link]").click();
		assertThat(drawer.locator(".el-alert")).containsText("本记录按 V1 填写，当前表单为 V2");
		assertThat(drawer.locator("[data-testid=answer-spot]")).containsText("该版本已无此字段");
		drawer.locator("[data-testid=answer-spot] .event-pin").waitFor();
		assertThat(drawer.locator("[data-testid=answer-usage]")).hasText("出租");
		assertThat(drawer.locator(".el-loading-mask")).isHidden();
		chief.waitForTimeout(400); // the drawer slides in
		shoot(chief, "console-collection-version");
	}

	private static Locator field(Page page, int index) {
		return page.locator("[data-testid=field-" + index + "]");
	}

	/**
	 * Label, key, type (its Chinese name; null keeps 单行文本) and required of field
	 * {@code index}.
	 */
	private static void fillField(Page page, int index, String label, String key, String type, boolean required) {
		Locator field = field(page, index);
		field.locator("input[data-testid=field-label]").fill(label);
		field.locator("input[data-testid=field-key]").fill(key);
		if (type != null) {
			// one dropdown at a time: the last one may still be fading out
			assertThat(page.locator(".el-select__popper:visible")).hasCount(0);
			field.locator("[data-testid=field-type]").click();
			page.locator(".el-select-dropdown__item:visible")
				.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + type + "\\s*$")))
				.first()
				.click();
			assertThat(field.locator(".bar")).containsText(type);
		}
		if (required) {
			field.locator("[data-testid=field-required]").click();
		}
	}

}
