package org.govgrid.openplatform;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * The two forms of GeoReport v2 documents: JSON (an array, or an object for a service
 * definition) and XML ({@code text/xml}, UTF-8, a root element holding one element per
 * item, each field an element). Field order is the spec's. A list value becomes an
 * element of singular children ({@code attributes} → {@code attribute}).
 */
enum Open311Format {

	JSON, XML;

	private static final MediaType TEXT_XML = new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8);

	private static final MediaType JSON_UTF8 = new MediaType("application", "json",
			java.nio.charset.StandardCharsets.UTF_8);

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	/** The format named by a path's extension, or null for any other. */
	static Open311Format of(String extension) {
		return switch (extension == null ? "" : extension) {
			case "json" -> JSON;
			case "xml" -> XML;
			default -> null;
		};
	}

	/** The format of a request path ({@code ….xml} is XML, anything else JSON). */
	static Open311Format ofPath(String path) {
		return path != null && path.endsWith(".xml") ? XML : JSON;
	}

	/** A list document: {@code [ {...} ]} or {@code <root><item>…</item></root>}. */
	ResponseEntity<String> list(HttpStatus status, String root, String item, List<Map<String, Object>> items,
			JsonMapper json) {
		if (this == JSON) {
			return ResponseEntity.status(status).contentType(JSON_UTF8).body(json.writeValueAsString(items));
		}
		return ResponseEntity.status(status).contentType(TEXT_XML).body(xml(root, w -> {
			for (Map<String, Object> value : items) {
				element(w, item, value);
			}
		}));
	}

	/** A one-object document: {@code {...}} or {@code <root>…</root>}. */
	ResponseEntity<String> object(String root, Map<String, Object> value, JsonMapper json) {
		if (this == JSON) {
			return ResponseEntity.ok().contentType(JSON_UTF8).body(json.writeValueAsString(value));
		}
		return ResponseEntity.ok().contentType(TEXT_XML).body(xml(root, w -> fields(w, value)));
	}

	/** The spec's error document for one or more errors. */
	ResponseEntity<String> errors(HttpStatus status, List<Map<String, Object>> errors, JsonMapper json) {
		return list(status, "errors", "error", errors, json);
	}

	/** The MIME type of this format. */
	MediaType mediaType() {
		return this == JSON ? JSON_UTF8 : TEXT_XML;
	}

	private interface Body {

		void write(XMLStreamWriter writer) throws XMLStreamException;

	}

	private static String xml(String root, Body body) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out);
			writer.writeStartDocument("UTF-8", "1.0");
			writer.writeStartElement(root);
			body.write(writer);
			writer.writeEndElement();
			writer.writeEndDocument();
			writer.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	@SuppressWarnings("unchecked")
	private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
		if (value == null) {
			writer.writeEmptyElement(name);
			return;
		}
		writer.writeStartElement(name);
		if (value instanceof Map<?, ?> map) {
			fields(writer, (Map<String, Object>) map);
		}
		else if (value instanceof List<?> list) {
			String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
			for (Object item : list) {
				element(writer, child, item);
			}
		}
		else {
			writer.writeCharacters(String.valueOf(value));
		}
		writer.writeEndElement();
	}

	private static void fields(XMLStreamWriter writer, Map<String, Object> value) throws XMLStreamException {
		for (Map.Entry<String, Object> field : value.entrySet()) {
			element(writer, field.getKey(), field.getValue());
		}
	}

}
