package io.camdash.notes;

import java.util.regex.Pattern;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The short form for gallery pictures:
 * {@code ![door](picture:cam/2026-11-21/cam_0930.jpg)} becomes the gallery's raw file,
 * {@code /pictures/image/cam/2026-11-21/cam_0930.jpg}. A name that is not a plain
 * relative path is left alone, and the sanitizer then drops the unknown {@code picture:}
 * scheme.
 */
final class PictureLinkResolver extends IndependentLinkResolverFactory {

	static final String SCHEME = "picture:";

	/**
	 * Where the gallery serves a picture itself
	 * ({@code io.camdash.pictures.PictureUrls.IMAGE}).
	 */
	static final String GALLERY_FILES = "/pictures/image/";

	private static final Pattern PICTURE_NAME = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*");

	/** The gallery URL of a {@code picture:} link, or the URL unchanged. */
	static String resolve(String url) {
		if (url.length() > SCHEME.length() && url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			String name = url.substring(SCHEME.length());
			if (PICTURE_NAME.matcher(name).matches() && !name.contains("..")) {
				return GALLERY_FILES + name;
			}
		}
		return url;
	}

	@Override
	public LinkResolver apply(LinkResolverBasicContext context) {
		return (Node node, LinkResolverBasicContext ctx, ResolvedLink link) -> {
			String url = resolve(link.getUrl());
			return url.equals(link.getUrl()) ? link : link.withUrl(url).withStatus(LinkStatus.VALID);
		};
	}

}
