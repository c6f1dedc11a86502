package org.govgrid.demo;

import java.util.List;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.notice.NoticeSetup;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two published notices of 狮山街道's centre (profile {@code demo}), whenever there are no
 * notices at all: one to the whole sub-district, read by worker1 and the community's
 * chief, and one to 狮山社区's grid workers, read by worker1 only.
 */
@Component
@Profile("demo")
@Order(10)
class DemoNotices implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

	private final NoticeSetup notices;

	private final IdentityProvisioning identity;

	private final RegionService regions;

	DemoNotices(NoticeSetup notices, IdentityProvisioning identity, RegionService regions) {
		this.notices = notices;
		this.identity = identity;
		this.regions = regions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.notices.hasNone()) {
			return;
		}
		Long center = this.identity.userId("center").orElse(null);
		Long worker1 = this.identity.userId("worker1").orElse(null);
		Long chief = this.identity.userId("chief1").orElse(null);
		RegionSummary town = this.regions.findByCode("320505006").orElse(null);
		RegionSummary community = this.regions.findByCode("320505006001").orElse(null);
		if (center == null || worker1 == null || chief == null || town == null || community == null) {
			return;
		}
		long all = this.notices.publish(center, "关于开展冬季消防安全大检查的通知", """
				<p>各社区、各网格：</p><p>为做好冬季火灾防控工作，街道定于<strong>12月10日至12月31日</strong>开展消防安全大检查，\
				请各网格对沿街商铺、出租房屋和<em>“三合一”场所</em>逐一排查：</p>\
				<ol><li>检查灭火器配置与有效期；</li><li>检查疏散通道是否畅通；</li><li>发现隐患当场拍照上报。</li></ol>\
				<p>请于每周五前汇总上报。</p>""", List.of(town.id()), List.of());
		long workers = this.notices.publish(center, "狮山社区网格员本周例会安排", """
				<p>狮山社区全体网格员：</p><p>本周四下午2:30在社区党群服务中心二楼会议室召开网格工作例会，\
				主要内容：</p><ul><li>上周事件处置情况通报；</li><li>冬季巡查重点部署。</li></ul><p>请准时参加。</p>""", List.of(community.id()),
				List.of("GRID_WORKER"));
		this.notices.markRead(all, worker1);
		this.notices.markRead(all, chief);
		this.notices.markRead(workers, worker1);
		log.info("Demo notices published: 2");
	}

}
