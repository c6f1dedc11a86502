package org.govgrid.platform;

import java.io.IOException;
import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the single-page apps: the console at {@code /} and the phone app at {@code /m/}.
 * A path without a file extension that is not an API falls back to the app's
 * {@code index.html} so that history-mode routes survive a reload.
 */
@Configuration(proxyBeanMethods = false)
class SpaResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Vite names built assets by content hash, so they can be cached for good;
		// index.html never is
		CacheControl forever = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
		registry.addResourceHandler("/assets/**")
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(forever);
		registry.addResourceHandler("/m/assets/**")
			.addResourceLocations("classpath:/static/m/assets/")
			.setCacheControl(forever);
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.resourceChain(true)
			.addResolver(new SpaFallbackResolver());
	}

	static final class SpaFallbackResolver extends PathResourceResolver {

		@Override
		protected Resource getResource(String resourcePath, Resource location) throws IOException {
			Resource resource = super.getResource(resourcePath, location);
			if (resource != null) {
				return resource;
			}
			if (!isAppRoute(resourcePath)) {
				return null;
			}
			String index = resourcePath.equals("m") || resourcePath.startsWith("m/") ? "static/m/index.html"
					: "static/index.html";
			Resource fallback = new ClassPathResource(index);
			return fallback.exists() ? fallback : null;
		}

		private static boolean isAppRoute(String path) {
			String last = path.substring(path.lastIndexOf('/') + 1);
			return !last.contains(".") && !path.startsWith("api/") && !path.startsWith("actuator")
					&& !path.startsWith("v3/") && !path.startsWith("swagger-ui");
		}

	}

}
