package org.govgrid.identity;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in bookkeeping under parallel requests to one account, and password expiry. */
class SignInConcurrencyIT extends ApiIntegrationTest {

	@Test
	void parallelSignInsToOneAccountAllSucceed() throws Exception {
		String username = this.accounts.create("sc_shared_" + System.nanoTime() % 100000, "CENTER_STAFF", "320505006");
		List<Integer> statuses = parallel(8, i -> new ApiClient(this.port).login(username, Accounts.INITIAL).status());
		assertThat(statuses).containsOnly(200);
	}

	@Test
	void parallelWrongPasswordsAreAllCountedAndLockTheAccount() throws Exception {
		String username = this.accounts.create("sc_guess_" + System.nanoTime() % 100000, "GRID_WORKER", "320505006");
		List<Integer> statuses = parallel(7, i -> new ApiClient(this.port).login(username, "Wrong#Guess" + i).status());
		assertThat(statuses).containsOnly(401);
		assertThat(this.jdbc.queryForObject("select locked_until > now() from app_user where username = ?",
				Boolean.class, username))
			.isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where action = 'LOCKOUT' and username = ?",
				Long.class, username))
			.isPositive();
		assertThat(new ApiClient(this.port).login(username, Accounts.INITIAL).status()).isEqualTo(401);
	}

	@Test
	void aPasswordOlderThanNinetyDaysMustBeChanged() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		this.jdbc.update("update app_user set password_changed_at = now() - interval '91 days' where username = ?",
				username);
		ApiClient again = new ApiClient(this.port);
		assertThat(again.login(username, Accounts.PASSWORD).json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(again.get("/api/v1/regions/tree").problemType())
			.isEqualTo("https://govgrid.org/problems/password-change-required");
	}

	private static List<Integer> parallel(int count, java.util.function.IntFunction<Integer> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<Integer>> futures = IntStream.range(0, count)
				.mapToObj(i -> pool.submit(() -> call.apply(i)))
				.toList();
			List<Integer> results = new java.util.ArrayList<>();
			for (Future<Integer> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
