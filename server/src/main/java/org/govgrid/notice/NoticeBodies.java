package org.govgrid.notice;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The rich text of a notice, sanitised on the server whatever the editor sent: basic
 * formatting, headings, lists, quotes, links to http(s) sites and images served by our
 * own file service ({@code /api/v1/files/{id}}). Scripts, event handlers, styles and
 * every other tag or attribute are dropped. The browser sanitises again (DOMPurify).
 */
final class NoticeBodies {

	/** An image of ours: the file or its thumbnail, nothing else. */
	private static final Pattern OWN_IMAGE = Pattern.compile("/api/v1/files/(\\d{1,18})(/thumbnail)?");

	private static final Safelist SAFELIST = Safelist.none()
		.addTags("p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr",
				"a", "img")
		.addAttributes("a", "href", "title")
		.addProtocols("a", "href", "http", "https")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
		.addEnforcedAttribute("a", "target", "_blank")
		.addAttributes("img", "src", "alt");

	private NoticeBodies() {
	}

	/** The sanitised body and the ids of our files its images show. */
	record Clean(String html, Set<Long> imageFileIds, boolean isEmpty) {
	}

	static Clean clean(String html) {
		Document dirty = Jsoup.parseBodyFragment(html == null ? "" : html);
		Document clean = new Cleaner(SAFELIST).clean(dirty);
		Set<Long> images = new LinkedHashSet<>();
		for (Element img : clean.select("img")) {
			Matcher own = OWN_IMAGE.matcher(img.attr("src"));
			if (own.matches()) {
				images.add(Long.parseLong(own.group(1)));
			}
			else {
				img.remove();
			}
		}
		clean.outputSettings().prettyPrint(false);
		String body = clean.body().html();
		boolean empty = clean.body().text().isBlank() && images.isEmpty();
		return new Clean(body, images, empty);
	}

	/** The plain text, shortened, for a notification's body. */
	static String excerpt(String html, int max) {
		String text = Jsoup.parseBodyFragment(html).body().text().strip();
		return text.codePointCount(0, text.length()) <= max ? text
				: text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

}
