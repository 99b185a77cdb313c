package io.camdash.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void rendersGitHubFlavouredMarkdown() {
		String html = this.renderer.render("""
				# Title

				| Camera | Fps |
				|:-------|----:|
				| door   | 10  |

				- [x] done
				- [ ] todo

				~~old~~ and https://example.com/page

				```java
				int x = 1 < 2 ? 1 : 0;
				```

				A claim[^1].

				[^1]: The source.
				""").html();
		Document page = Jsoup.parseBodyFragment(html);
		assertThat(page.select("h1#title")).hasSize(1);
		assertThat(page.select("h1 a.anchor[href=#title]").attr("aria-label")).as("a name for screen readers")
			.isEqualTo("Link to the section Title");
		assertThat(page.select("table.table th")).extracting(Element::text).containsExactly("Camera", "Fps");
		assertThat(page.select("td[align=right]").text()).isEqualTo("10");
		assertThat(page.select("li.task-list-item input[type=checkbox][checked][disabled]").attr("aria-label"))
			.isEqualTo("Done");
		assertThat(page.select("li.task-list-item input[type=checkbox]:not([checked])").attr("aria-label"))
			.isEqualTo("Not done");
		assertThat(page.select("del").text()).isEqualTo("old");
		assertThat(page.select("a[href=https://example.com/page]").text()).isEqualTo("https://example.com/page");
		assertThat(page.select("pre code.language-java").text()).isEqualTo("int x = 1 < 2 ? 1 : 0;");
		assertThat(page.select("sup a.footnote-ref")).hasSize(1);
		String footnoteTarget = page.select("sup a.footnote-ref").attr("href").substring(1);
		assertThat(page.getElementById(footnoteTarget)).isNotNull();
		assertThat(page.select("div.footnotes li").text()).contains("The source.");
	}

	@Test
	void collectsTitleAndHeadingAnchorsForTheTableOfContents() {
		RenderedNote note = this.renderer
			.render("Intro\n\n# Garden camera\n\n## Night *mode*\n\n### Power\n\n#### Deep\n");
		assertThat(note.title()).isEqualTo("Garden camera");
		assertThat(note.headings()).extracting(RenderedNote.Heading::text)
			.containsExactly("Garden camera", "Night mode", "Power");
		Document page = Jsoup.parseBodyFragment(note.html());
		for (RenderedNote.Heading heading : note.headings()) {
			assertThat(page.getElementById(heading.id())).as(heading.id()).isNotNull();
		}
	}

	@Test
	void noteWithoutHeadingHasNoTitle() {
		assertThat(this.renderer.render("just text").title()).isNull();
		assertThat(this.renderer.text("just *text*").title()).isNull();
		assertThat(this.renderer.text("## Hello *there*\n\nbody").title()).isEqualTo("Hello there");
	}

	@Test
	void keepsRelativeLinksAndImages() {
		Document page = Jsoup.parseBodyFragment(this.renderer
			.render("[next](other.md) [up](../welcome.md#top) ![plan](plan.png) ![door](/pictures/image/cam/a.jpg)")
			.html());
		assertThat(page.select("a").eachAttr("href")).containsExactly("other.md", "../welcome.md#top");
		assertThat(page.select("img").eachAttr("src")).containsExactly("plan.png", "/pictures/image/cam/a.jpg");
	}

	@Test
	void mapsPictureNamesWithSpacesAndAnyLettersToEncodedGalleryUrls() {
		String markdown = "![a](picture:Garten/Garten%20S\u00fcd.jpg) ![b](picture:Garten/Garten%20S%C3%BCd.jpg) "
				+ "![c](picture:\u6811/\u76f8\u673a.png) ![bad](picture:Garten/.hidden%20\u00fc.jpg) "
				+ "![bad](picture:%C3%A9t%C3%A9/..%2F..%2Fsecret.jpg)";
		Document page = Jsoup.parseBodyFragment(this.renderer.render(markdown).html());
		assertThat(page.select("img").eachAttr("src")).containsExactly("/pictures/image/Garten/Garten%20S%C3%BCd.jpg",
				"/pictures/image/Garten/Garten%20S%C3%BCd.jpg", "/pictures/image/%E6%A0%91/%E7%9B%B8%E6%9C%BA.png");
	}

	@Test
	void mapsThePictureShortFormToTheGallery() {
		String markdown = "![door](picture:cam/2026-11-21/cam_0930.jpg) [see](PICTURE:cam/b.jpg) "
				+ "![bad](picture:../../etc/passwd)";
		Document page = Jsoup.parseBodyFragment(this.renderer.render(markdown).html());
		assertThat(page.select("img").eachAttr("src")).containsExactly("/pictures/image/cam/2026-11-21/cam_0930.jpg");
		assertThat(page.select("a").eachAttr("href")).containsExactly("/pictures/image/cam/b.jpg");
		assertThat(page.html()).doesNotContain("etc/passwd\"");
	}

	@Test
	void showsRawHtmlAsText() {
		Document page = Jsoup.parseBodyFragment(this.renderer.render("<b>bold?</b>").html());
		assertThat(page.select("b")).isEmpty();
		assertThat(page.text()).contains("<b>bold?</b>");
	}

	static Stream<String> xssVectors() {
		return Stream.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
				"<svg><script>alert(1)</script></svg>", "[click](javascript:alert(1))", "[click](JaVaScRiPt:alert(1))",
				"[click](java&#115;cript:alert(1))", "[click](&#106;avascript:alert(1))",
				"[click](java\tscript:alert(1))", "[click](<java\nscript:alert(1)>)",
				"[click](jav&#x09;ascript:alert(1))", "[click](%6Aavascript:alert(1))", "[click]( javascript:alert(1))",
				"[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[click](vbscript:msgbox(1))",
				"![x](javascript:alert(1))", "![x](data:image/svg+xml;base64,PHN2Zy8+)",
				"[ref]\n\n[ref]: javascript:alert(1)", "![ref]\n\n[ref]: vbscript:alert(1)", "<javascript:alert(1)>",
				"<vbscript:alert(1)>", "<data:text/html,<script>alert(1)</script>>",
				"<iframe src=https://example.com></iframe>", "<object data=x.swf></object>", "<embed src=x.swf>",
				"<style>body{display:none}</style>", "<base href=https://evil.example/>",
				"<form action=https://evil.example><button>go</button></form>",
				"<meta http-equiv=refresh content=\"0;url=https://evil.example\">",
				"[t](https://example.com \"x\\\" onmouseover=\\\"alert(1)\")",
				"[t](https://example.com 'a\" onclick=\"alert(1)')", "![t](x.png \"\\\" onerror=\\\"alert(1)\")",
				"<a href=\"javascript:alert(1)\">x</a>", "<div style=\"background:url(javascript:alert(1))\">x</div>",
				"<link rel=stylesheet href=https://evil.example/x.css>", "```\" onmouseover=\"alert(1)\n```",
				"``` js onload=alert(1)\nx\n```", "# heading <img src=x onerror=alert(1)>",
				"<details open ontoggle=alert(1)>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
				"[x](https://example.com){onclick=alert(1)}", "<!-- --><script>alert(1)</script> -->",
				"[a]: javascript:alert(1)\n\n[a][]", "[x](picture:javascript:alert(1))");
	}

	@ParameterizedTest
	@MethodSource("xssVectors")
	void noXssVectorSurvivesAsAnExecutableConstruct(String markdown) {
		assertSafe(this.renderer.render(markdown).html());
		assertSafe(this.renderer.render("Intro\n\n" + markdown + "\n\n> quoted " + markdown).html());
	}

	@Test
	void hasMoreThanTwentyXssVectors() {
		assertThat(xssVectors().count()).isGreaterThanOrEqualTo(20);
	}

	@Test
	void shippedStarterNotesRenderWithATitle() throws IOException {
		List<Path> notes;
		try (Stream<Path> files = Files.walk(Path.of("notes"))) {
			notes = files.filter((file) -> file.toString().endsWith(".md")).toList();
		}
		assertThat(notes).hasSizeGreaterThanOrEqualTo(4);
		for (Path note : notes) {
			RenderedNote rendered = this.renderer.render(Files.readString(note));
			assertThat(rendered.title()).as(note.toString()).isNotBlank();
			assertThat(rendered.html()).as(note.toString()).doesNotContain("&lt;script");
			assertSafe(rendered.html());
		}
	}

	private static final List<String> DANGEROUS_ELEMENTS = List.of("script", "iframe", "frame", "object", "embed",
			"style", "base", "form", "meta", "link", "svg", "math", "button", "textarea", "select", "details",
			"template", "audio", "video", "source");

	/**
	 * Parses the HTML as a browser would and fails on anything that could run script or
	 * restyle the page.
	 */
	static void assertSafe(String html) {
		Document page = Jsoup.parseBodyFragment(html);
		for (Element element : page.body().getAllElements()) {
			assertThat(DANGEROUS_ELEMENTS).as("element in %s", html).doesNotContain(element.normalName());
			if (element.normalName().equals("input")) {
				assertThat(element.attr("type")).as("input in %s", html).isEqualTo("checkbox");
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute in %s", html)
					.doesNotStartWith("on")
					.isNotIn("style", "srcset", "formaction", "action", "xlink:href", "background", "http-equiv");
				if (name.equals("href") || name.equals("src")) {
					// jsoup has decoded entities; browsers also ignore whitespace and
					// control characters.
					String url = attribute.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
					assertThat(url).as("%s in %s", name, html)
						.doesNotStartWith("javascript:")
						.doesNotStartWith("vbscript:")
						.doesNotStartWith("data:")
						.doesNotStartWith("picture:");
					assertThat(url.matches("^[a-z][a-z0-9+.-]*:.*") ? url : "https:relative").as("%s in %s", name, html)
						.matches("^(https?|mailto):.*");
				}
			}
		}
	}

}
