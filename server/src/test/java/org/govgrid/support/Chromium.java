package org.govgrid.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java (no browser download). Without Chromium
 * the browser tests skip loudly on a laptop; in CI ({@code CI} or
 * {@code GOVGRID_BROWSER_REQUIRED} set) they fail instead.
 */
public final class Chromium implements AutoCloseable {

	private static final Path EXECUTABLE = Paths
		.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		if (!Files.isExecutable(EXECUTABLE)) {
			String message = "Chromium not found at " + EXECUTABLE
					+ ": browser tests NOT RUN (apt-get install chromium fonts-wqy-zenhei)";
			if (System.getenv("CI") != null || System.getenv("GOVGRID_BROWSER_REQUIRED") != null) {
				throw new IllegalStateException(message);
			}
			System.getLogger("browser-tests").log(System.Logger.Level.WARNING, message);
			Assumptions.abort(message);
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-dev-shm-usage")));
		return new Chromium(playwright, browser);
	}

	public Browser browser() {
		return this.browser;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
