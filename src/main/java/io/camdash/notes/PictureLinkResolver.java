package io.camdash.notes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import io.camdash.storage.FileNames;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * The short form for gallery pictures:
 * {@code ![door](picture:cam/2026-11-21/cam_0930.jpg)} becomes the gallery's raw file,
 * {@code /pictures/image/cam/2026-11-21/cam_0930.jpg} (encoded for the URL). A name that
 * is not a safe relative path is left alone, and the sanitizer then drops the unknown
 * {@code picture:} scheme.
 */
final class PictureLinkResolver extends IndependentLinkResolverFactory {

	static final String SCHEME = "picture:";

	/**
	 * Where the gallery serves a picture itself
	 * ({@code io.camdash.pictures.PictureUrls.IMAGE}).
	 */
	static final String GALLERY_FILES = "/pictures/image/";

	/** The gallery URL of a {@code picture:} link, or the URL unchanged. */
	static String resolve(String url) {
		if (url.length() > SCHEME.length() && url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			String name = decode(url.substring(SCHEME.length()));
			if (name != null && Arrays.stream(name.split("/", -1)).allMatch(FileNames::isSafeSegment)) {
				return GALLERY_FILES + FileNames.encodePath(name);
			}
		}
		return url;
	}

	/**
	 * A name as written in the markdown: percent-encoded
	 * ({@code picture:Garten%20S%C3%BCd.jpg}) or not ({@code <picture:Garten Süd.jpg>});
	 * null if its escapes are broken.
	 */
	private static @Nullable String decode(String name) {
		try {
			return UriUtils.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public LinkResolver apply(LinkResolverBasicContext context) {
		return (Node node, LinkResolverBasicContext ctx, ResolvedLink link) -> {
			String url = resolve(link.getUrl());
			return url.equals(link.getUrl()) ? link : link.withUrl(url).withStatus(LinkStatus.VALID);
		};
	}

}
