package io.camdash.notes;

import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.anchorlink.AnchorLink;
import com.vladsch.flexmark.ext.anchorlink.AnchorLinkExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * GitHub-flavoured markdown to safe HTML: tables, task lists, strikethrough, autolinks,
 * fenced code, footnotes and heading anchors. Raw HTML in the markdown is escaped (shown
 * as text), and the result is sanitized by {@link NoteHtmlPolicy} all the same, so a bug
 * in either layer alone lets nothing through. The page, the editor's preview and the
 * search index all use this one renderer.
 */
@Component
class MarkdownRenderer {

	private static final String CHECKBOX = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" %s"
			+ "disabled=\"disabled\" readonly=\"readonly\" aria-label=\"%s\" />&nbsp;";

	private final Parser parser;

	private final HtmlRenderer renderer;

	MarkdownRenderer() {
		MutableDataSet options = new MutableDataSet();
		options.set(Parser.EXTENSIONS,
				List.of(TablesExtension.create(), TaskListExtension.create(), StrikethroughExtension.create(),
						AutolinkExtension.create(), FootnoteExtension.create(), AnchorLinkExtension.create()));
		options.set(HtmlRenderer.ESCAPE_HTML, true);
		options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
		options.set(HtmlRenderer.RENDER_HEADER_ID, true);
		options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
		options.set(AnchorLinkExtension.ANCHORLINKS_SET_ID, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_WRAP_TEXT, false);
		options.set(AnchorLinkExtension.ANCHORLINKS_ANCHOR_CLASS, "anchor");
		// GitHub's table rules: the header row decides the columns.
		options.set(TablesExtension.COLUMN_SPANS, false);
		options.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
		options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
		options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
		options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
		options.set(TablesExtension.CLASS_NAME, "table");
		this.parser = Parser.builder(options).build();
		// Task list boxes and heading anchors have a name screen readers can say.
		options.set(TaskListExtension.ITEM_DONE_MARKER, CHECKBOX.formatted("checked=\"checked\" ", "Done"));
		options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, CHECKBOX.formatted("", "Not done"));
		this.renderer = HtmlRenderer.builder(options)
			.linkResolverFactory(new PictureLinkResolver())
			.attributeProviderFactory(new IndependentAttributeProviderFactory() {
				@Override
				public AttributeProvider apply(LinkResolverContext context) {
					return MarkdownRenderer::nameAnchor;
				}
			})
			.build();
	}

	RenderedNote render(String markdown) {
		Document document = this.parser.parse(markdown);
		String html = NoteHtmlPolicy.POLICY.sanitize(this.renderer.render(document));
		// Rendering gave every heading its anchor id.
		List<RenderedNote.Heading> headings = new ArrayList<>();
		String title = null;
		for (Node node : document.getDescendants()) {
			if (node instanceof Heading heading) {
				String text = plainText(heading);
				if (title == null && !text.isBlank()) {
					title = text;
				}
				if (heading.getLevel() <= 3 && heading.getAnchorRefId() != null) {
					headings.add(new RenderedNote.Heading(heading.getLevel(), text, heading.getAnchorRefId()));
				}
			}
		}
		return new RenderedNote(html, title, List.copyOf(headings));
	}

	/** The title and plain text of a note, without rendering it, for the search index. */
	NoteText text(String markdown) {
		Document document = this.parser.parse(markdown);
		Heading titleHeading = null;
		for (Node node : document.getDescendants()) {
			if (node instanceof Heading heading && !plainText(heading).isBlank()) {
				titleHeading = heading;
				break;
			}
		}
		// The body leaves the title out, so that search snippets do not repeat it.
		StringBuilder body = new StringBuilder();
		for (Node child : document.getChildren()) {
			if (child != titleHeading) {
				String text = plainText(child);
				if (!text.isEmpty()) {
					body.append((body.length() > 0) ? "\n" : "").append(text);
				}
			}
		}
		return new NoteText((titleHeading != null) ? plainText(titleHeading) : null, body.toString());
	}

	private static void nameAnchor(Node node, AttributablePart part, MutableAttributes attributes) {
		if (node instanceof AnchorLink anchor && anchor.getParent() != null) {
			attributes.replaceValue("aria-label", "Link to the section " + plainText(anchor.getParent()));
		}
	}

	private static String plainText(Node node) {
		return new TextCollectingVisitor().collectAndGetText(node).strip();
	}

	/**
	 * A note as plain text.
	 *
	 * @param title the first heading, if any
	 * @param body the text without markup and without the title
	 */
	record NoteText(@Nullable String title, String body) {

	}

}
