package io.camdash.pictures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriUtils;

/**
 * One page of the gallery: its pictures grouped by day, newest first.
 *
 * @param days the days on this page, each with its pictures
 * @param page this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many pictures match the filter
 * @param camera the camera filter; empty for all cameras
 * @param kind the kind filter: {@code photos}, {@code motion}, or empty for all
 */
record GalleryPage(List<Day> days, int page, int pages, int total, String camera, String kind) {

	/**
	 * The page of {@code pictures} (already filtered, newest first); a page past the end
	 * shows the last. Motion pictures on the page get their clips from {@code clips}.
	 */
	static GalleryPage of(List<Picture> pictures, int requestedPage, int pageSize, String camera, PictureKind kind,
			ZoneId zone, PictureClips clips) {
		int total = pictures.size();
		int pages = Math.max(1, (total + pageSize - 1) / pageSize);
		int page = Math.min(Math.max(1, requestedPage), pages);
		int from = (page - 1) * pageSize;
		List<Day> days = new ArrayList<>();
		for (Picture picture : pictures.subList(Math.min(from, total), Math.min(from + pageSize, total))) {
			LocalDate date = picture.day(zone);
			if (days.isEmpty() || !days.get(days.size() - 1).date().equals(date)) {
				days.add(new Day(date, new ArrayList<>()));
			}
			days.get(days.size() - 1).pictures().add(PictureView.of(picture, zone, clips));
		}
		return new GalleryPage(days, page, pages, total, camera, kind.parameter());
	}

	/** The gallery link to another page with the same filter. */
	public String link(int page) {
		String filter = filterQuery(this.camera, this.kind);
		return PictureUrls.GALLERY + (filter.isEmpty() ? "?" : filter + "&") + "page=" + page;
	}

	/**
	 * What links to a picture add to keep this filter (for its newer and older links).
	 */
	public String filterQuery() {
		return filterQuery(this.camera, this.kind);
	}

	/** {@code ?camera=..&kind=..} with the parts that filter; empty for none. */
	static String filterQuery(String camera, String kind) {
		StringBuilder query = new StringBuilder();
		if (!camera.isEmpty()) {
			query.append("?camera=").append(encodeQuery(camera));
		}
		if (!kind.isEmpty()) {
			query.append(query.isEmpty() ? "?" : "&").append("kind=").append(encodeQuery(kind));
		}
		return query.toString();
	}

	private static String encodeQuery(String value) {
		return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

	public boolean hasNext() {
		return this.page < this.pages;
	}

	/**
	 * Pictures taken on one day.
	 *
	 * @param date the day
	 * @param pictures its pictures on this page, newest first
	 */
	record Day(LocalDate date, List<PictureView> pictures) {

	}

}
