package org.govgrid.academy;

import java.math.BigDecimal;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo courses (profile {@code demo}), only while there are no courses at all: two
 * city-wide text courses required for grid workers, the first with a five-question quiz.
 * (No video: the demo has no encoder at hand, and the tests make their own mp4s.)
 */
@Component
@Profile("demo")
@Order(20)
class DemoCourses implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCourses.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final CourseQuizzes quizzes;

	DemoCourses(NamedParameterJdbcTemplate jdbc, CourseQuizzes quizzes) {
		this.jdbc = jdbc;
		this.quizzes = quizzes;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long courses = this.jdbc.queryForObject("select count(*) from academy_course", new MapSqlParameterSource(),
				Long.class);
		if (courses != null && courses > 0) {
			return;
		}
		long rules = course("网格员工作规范", "网格员日常巡查、信息采集、事件上报与自处置的基本要求。", """
				一、巡查走访
				网格员每日在责任网格内巡查不少于 2 小时，重点关注出租房屋、沿街商铺、独居老人和特殊人群。巡查中发现的问题当场记录，能处置的当场处置。

				二、信息采集
				实有人口、实有房屋、单位组织等基础信息做到“底数清、情况明”：新增、变更在 3 个工作日内采集入网，身份证号、手机号等个人信息严格保密，不得外传。

				三、事件上报
				发现矛盾纠纷、安全隐患、环境问题等，通过手机端拍照定位上报，描述准确、分类正确；紧急事件先电话报告社区和指挥中心，再补录系统。

				四、自处置与反馈
				职责范围内、能够当场解决的小事（如劝导占道经营、清理小广告）选择“自处置”，处置后上传照片；派遣到部门的事件跟踪结果，及时回访群众。

				五、工作纪律
				服从社区和网格长的安排，按时参加网格学院学习和例会；不得泄露群众隐私，不得弄虚作假、虚报事件。
				""", 5);
		this.quizzes.replace(rules, quiz());
		course("矛盾纠纷调解技巧", "邻里、家庭、物业等常见纠纷的调解步骤与沟通方法。", """
				一、先听后说
				调解开始时让双方各自把话说完，不打断、不评判，复述对方的要点，让当事人感到被理解。

				二、分清事实与情绪
				把“发生了什么”和“感受如何”分开记录；先平复情绪，再核对事实，必要时到现场查看、找邻居了解情况。

				三、依法依规、讲情讲理
				引用《民法典》相邻关系、物业管理条例等规定说明各自的权利义务，同时兼顾邻里感情，提出双方都能接受的方案。

				四、书面确认与回访
				达成一致的，制作调解协议并由双方签字；调解不成的，告知其他解决途径（人民调解委员会、诉讼），并在系统中登记纠纷与调解过程。一周内回访，防止矛盾反复。
				""", 3);
		log.info("Seeded 2 demo academy courses");
	}

	private long course(String title, String summary, String body, int points) {
		return this.jdbc.queryForObject("""
				insert into academy_course (title, summary, kind, body, required_roles, points, published, region_path)
				values (:title, :summary, 'TEXT', :body, '{GRID_WORKER}', :points, true, '') returning id""",
				new MapSqlParameterSource("title", title).addValue("summary", summary)
					.addValue("body", body.strip())
					.addValue("points", points),
				Long.class);
	}

	private static CourseInput.ValidQuiz quiz() {
		CourseCommand.Quiz quiz = new CourseCommand.Quiz(80, new BigDecimal("2"), List.of(
				single("网格员每日在责任网格内巡查不少于多少小时？", "2 小时", "半小时", "1 小时"),
				single("新增实有人口信息应在几个工作日内采集入网？", "3 个工作日", "1 个月", "半年"), trueFalse("群众的身份证号、手机号可以转发到工作群方便大家核对。", false),
				new CourseCommand.Question("MULTIPLE", "以下哪些属于可以“自处置”的小事？",
						List.of(new CourseCommand.Option("劝导占道经营", true), new CourseCommand.Option("清理小广告", true),
								new CourseCommand.Option("处理重大安全事故", false))),
				trueFalse("紧急事件应先电话报告社区和指挥中心，再补录系统。", true)));
		FieldErrors errors = new FieldErrors();
		CourseInput.Valid valid = CourseInput.check(
				new CourseCommand("demo", null, "TEXT", null, "demo", null, null, List.of(), null, true, quiz, null),
				errors);
		errors.throwIfAny();
		return valid.quiz();
	}

	private static CourseCommand.Question single(String text, String right, String... wrong) {
		List<CourseCommand.Option> options = new java.util.ArrayList<>();
		options.add(new CourseCommand.Option(right, true));
		for (String w : wrong) {
			options.add(new CourseCommand.Option(w, false));
		}
		return new CourseCommand.Question("SINGLE", text, options);
	}

	private static CourseCommand.Question trueFalse(String text, boolean right) {
		return new CourseCommand.Question("TRUE_FALSE", text,
				List.of(new CourseCommand.Option("正确", right), new CourseCommand.Option("错误", !right)));
	}

}
