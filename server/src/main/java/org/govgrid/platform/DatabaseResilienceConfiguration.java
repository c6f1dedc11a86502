package org.govgrid.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.util.ErrorHandler;

/**
 * How a node behaves while its database is away or slow (docs/ops/database-outage.md):
 * outages answer 503 everywhere, scheduled jobs log them once instead of a stack trace a
 * second, and migrations are exempt from the statement timeout that bounds every request.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseResilienceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseResilienceConfiguration.class);

	/** Every data source, wrapped so that a request waits for the pool at most once. */
	@Bean
	static BeanPostProcessor outageAwareDataSources() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource pool && !(bean instanceof OutageAwareDataSource)
						? new OutageAwareDataSource(pool) : bean;
			}
		};
	}

	/**
	 * Spring Session's repository, wrapped so that a request which met the outage does
	 * not try to save its session as its 503 goes out (see
	 * {@link OutageAwareSessionRepository}).
	 */
	@Bean
	static BeanPostProcessor outageAwareSessions() {
		return new BeanPostProcessor() {
			@Override
			@SuppressWarnings({ "rawtypes", "unchecked" })
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof FindByIndexNameSessionRepository sessions
						&& !(bean instanceof OutageAwareSessionRepository)
								? new OutageAwareSessionRepository<>(sessions) : bean;
			}
		};
	}

	/**
	 * Outside (before) Spring Session's filter, whose session lookup is the first
	 * database call of a request and whose session save on commit, and again as the
	 * request ends, the last: a failure of either is still answered as the 503.
	 */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(@Value("${spring.session.servlet.filter-order:"
			+ SessionRepositoryFilter.DEFAULT_ORDER + "}") int sessionFilterOrder) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter());
		registration.setOrder(sessionFilterOrder - 1);
		return registration;
	}

	/**
	 * A migration may build an index over millions of rows: it runs without the statement
	 * timeout, and the connections it used leave the pool afterwards so that no request
	 * inherits the unlimited setting.
	 */
	@Bean
	FlywayConfigurationCustomizer migrationsWithoutStatementTimeout() {
		return configuration -> configuration.initSql("set statement_timeout = 0");
	}

	@Bean
	FlywayMigrationStrategy migrateThenRenewConnections(DataSource dataSource) {
		return flyway -> {
			flyway.migrate();
			try {
				if (dataSource.isWrapperFor(HikariDataSource.class)) {
					HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
					if (hikari.getHikariPoolMXBean() != null) {
						hikari.getHikariPoolMXBean().softEvictConnections();
					}
				}
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer jobsLogOutagesOnce() {
		return scheduler -> scheduler.setErrorHandler(jobErrors());
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer virtualJobsLogOutagesOnce() {
		return scheduler -> scheduler.setErrorHandler(jobErrors());
	}

	private static ErrorHandler jobErrors() {
		return failure -> {
			if (DatabaseOutage.causedBy(failure)) {
				DatabaseOutage.record("scheduled job", failure);
			}
			else {
				log.error("Scheduled job failed", failure);
			}
		};
	}

}
