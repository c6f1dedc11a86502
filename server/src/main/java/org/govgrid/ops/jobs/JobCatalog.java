package org.govgrid.ops.jobs;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Every scheduled method of the platform as a job, read from Spring's own task registry
 * (the same one that runs them), so a new {@code @Scheduled} method shows up without
 * telling ops. A job is named by its ShedLock lock, or else after its class and method.
 */
@Component
class JobCatalog {

	private final ObjectProvider<ScheduledTaskHolder> holders;

	private final JobProperties properties;

	private volatile Map<String, Job> byKey = Map.of();

	JobCatalog(ObjectProvider<ScheduledTaskHolder> holders, JobProperties properties) {
		this.holders = holders;
		this.properties = properties;
	}

	/** A scheduled method: {@code key} is {@code <class>.<method>}. */
	record Job(String name, String module, String key, String kind, String schedule, String zone, Duration interval,
			boolean runnable, ScheduledTask task) {

		/**
		 * The scheduler's next start; while a run is under way or overdue it has none,
		 * and the next start is then worked out from the schedule (an interval after the
		 * last finish, the cron's next match), never before now.
		 */
		Instant nextRunAt(Instant lastFinished) {
			Instant next = this.task.nextExecution();
			if (next != null) {
				return next;
			}
			Instant now = Instant.now();
			if (this.interval != null) {
				Instant due = (lastFinished != null) ? lastFinished.plus(this.interval) : now;
				return due.isBefore(now) ? now : due;
			}
			if ("CRON".equals(this.kind)) {
				try {
					ZoneId zone = (this.zone != null) ? ZoneId.of(this.zone) : ZoneId.systemDefault();
					ZonedDateTime match = CronExpression.parse(this.schedule).next(now.atZone(zone));
					return (match != null) ? match.toInstant() : null;
				}
				catch (IllegalArgumentException | java.time.DateTimeException ex) {
					return null;
				}
			}
			return null;
		}

		/** Runs often enough that each success is not worth a row of its own. */
		boolean frequentBelow(Duration threshold) {
			return this.interval != null && this.interval.compareTo(threshold) < 0;
		}

	}

	List<Job> all() {
		return refreshed().values()
			.stream()
			.sorted(Comparator.comparing(Job::module).thenComparing(Job::name))
			.toList();
	}

	Optional<Job> named(String name) {
		return refreshed().values().stream().filter((job) -> job.name().equals(name)).findFirst();
	}

	Optional<Job> byKey(String key) {
		Job job = this.byKey.get(key);
		return (job != null) ? Optional.of(job) : Optional.ofNullable(refreshed().get(key));
	}

	/** Tasks are registered once the context is up; read them again until they are. */
	private Map<String, Job> refreshed() {
		Map<String, Job> jobs = new LinkedHashMap<>();
		this.holders.orderedStream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(this::job)
			.flatMap(Optional::stream)
			.forEach((job) -> jobs.putIfAbsent(job.key(), job));
		if (jobs.size() >= this.byKey.size()) {
			this.byKey = Map.copyOf(jobs);
		}
		return this.byKey;
	}

	private Optional<Job> job(ScheduledTask scheduled) {
		// the runnable's text is "<declaring class>.<method>" (ScheduledMethodRunnable)
		String key = scheduled.getTask().toString();
		int dot = key.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		Method method = method(key.substring(0, dot), key.substring(dot + 1));
		if (method == null) {
			return Optional.empty();
		}
		Class<?> type = method.getDeclaringClass();
		SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
		String name = (lock != null && !lock.name().isBlank()) ? lock.name()
				: kebab(type.getSimpleName()) + "-" + kebab(method.getName());
		Scheduled annotation = method.getAnnotation(Scheduled.class);
		String zone = (annotation != null && !annotation.zone().isBlank()) ? annotation.zone() : null;
		String kind;
		String schedule;
		Duration interval = null;
		if (scheduled.getTask() instanceof CronTask cron) {
			kind = "CRON";
			schedule = cron.getExpression();
		}
		else if (scheduled.getTask() instanceof IntervalTask every) {
			kind = (every instanceof FixedRateTask) ? "FIXED_RATE"
					: (every instanceof FixedDelayTask) ? "FIXED_DELAY" : "INTERVAL";
			interval = every.getIntervalDuration();
			schedule = interval.toString();
		}
		else {
			kind = "OTHER";
			schedule = scheduled.getTask().getClass().getSimpleName();
		}
		return Optional.of(new Job(name, module(type), key, kind, schedule, zone, interval,
				this.properties.runnable().contains(name), scheduled));
	}

	private static Method method(String className, String methodName) {
		try {
			Class<?> type = ClassUtils.forName(className, JobCatalog.class.getClassLoader());
			List<Method> found = new ArrayList<>();
			ReflectionUtils.doWithMethods(type, found::add, (candidate) -> candidate.getName().equals(methodName)
					&& candidate.getParameterCount() == 0 && candidate.getDeclaringClass() == type);
			return found.isEmpty() ? null : found.get(0);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/** The application module: the package right under {@code org.govgrid}. */
	static String module(Class<?> type) {
		String name = type.getPackageName();
		String root = "org.govgrid.";
		if (!name.startsWith(root)) {
			return "other";
		}
		String rest = name.substring(root.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
