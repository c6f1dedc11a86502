package org.govgrid.platform;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DatabindException;

/**
 * Names the JSON field behind a parse failure, so even a type error points at its field.
 */
final class JsonErrorFields {

	private JsonErrorFields() {
	}

	/** True when the failure is {@link TextRules}' refusal of a string. */
	static boolean isInvalidText(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonTextConfiguration.InvalidTextException) {
				return true;
			}
		}
		return false;
	}

	static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				databind.getPath().forEach(ref -> {
					if (ref.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
					}
					else if (ref.getIndex() >= 0) {
						path.append('[').append(ref.getIndex()).append(']');
					}
				});
				return path.isEmpty() ? "body" : path.toString();
			}
			cause = cause.getCause();
		}
		return "body";
	}

}
