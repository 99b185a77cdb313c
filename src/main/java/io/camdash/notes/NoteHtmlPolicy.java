package io.camdash.notes;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list for rendered notes: only the elements and attributes that camdash's
 * markdown produces, links and images only to http, https, mailto or relative URLs. No
 * script, style, event handler, form or frame survives, whatever the markdown contained.
 */
final class NoteHtmlPolicy {

	private static final Pattern CLASSES = Pattern.compile("(?:(?:language-[A-Za-z0-9_+#-]{1,40}|anchor|table|"
			+ "task-list-item|task-list-item-checkbox|footnotes|footnote-ref|footnote-backref)\\s?)+");

	private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");

	static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong",
				"del", "s", "sub", "sup", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th",
				"td", "div", "span", "a", "img", "input", "kbd")
		.allowUrlProtocols("http", "https", "mailto")
		.allowAttributes("href", "title", "aria-label")
		.onElements("a")
		.allowAttributes("src", "alt", "title")
		.onElements("img")
		.allowAttributes("id")
		.matching(ID)
		.onElements("h1", "h2", "h3", "h4", "h5", "h6", "li", "sup")
		.allowAttributes("class")
		.matching(CLASSES)
		.onElements("a", "code", "li", "input", "div", "sup", "table")
		.allowAttributes("align")
		.matching(true, "left", "center", "right")
		.onElements("th", "td")
		.allowAttributes("start")
		.matching(Pattern.compile("[0-9]{1,9}"))
		.onElements("ol")
		// Task list boxes only: a lone, disabled checkbox, outside any form.
		.allowAttributes("type")
		.matching(true, "checkbox")
		.onElements("input")
		.allowAttributes("checked", "disabled", "readonly", "aria-label")
		.onElements("input")
		.allowWithoutAttributes("a", "span")
		.requireRelsOnLinks("noopener", "noreferrer")
		.toFactory();

	private NoteHtmlPolicy() {
	}

}
