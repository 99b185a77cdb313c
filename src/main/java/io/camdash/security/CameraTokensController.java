package io.camdash.security;

import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.camdash.storage.WriteProblem;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The camera tokens page ({@code /settings/camera-tokens}, ADMIN only): make a token for
 * one camera's stream and still (shown once), revoke one. Tokens of the configuration are
 * shown masked and read-only.
 */
@Controller
class CameraTokensController {

	static final String CAMERA_TOKENS_URL = "/settings/camera-tokens";

	static final String CAMERA_TOKENS_VIEW = "security/camera-tokens";

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final CameraTokenStore tokens;

	private final CameraIds cameras;

	CameraTokensController(CameraTokenStore tokens, CameraIds cameras) {
		this.tokens = tokens;
		this.cameras = cameras;
	}

	@GetMapping(CAMERA_TOKENS_URL)
	String list(Model model) {
		model.addAttribute("cameras", this.cameras.cameraIds());
		model.addAttribute("configured", this.tokens.configuredCameras().stream().sorted().toList());
		model.addAttribute("tokens",
				this.tokens.list()
					.stream()
					.map((token) -> new TokenRow(token.id(), token.camera(),
							FORMAT.format(token.created().atZone(ZoneId.systemDefault()))))
					.toList());
		return CAMERA_TOKENS_VIEW;
	}

	@PostMapping(CAMERA_TOKENS_URL)
	String create(@RequestParam(defaultValue = "") String camera, Principal principal, RedirectAttributes redirect) {
		List<String> ids = this.cameras.cameraIds();
		if (!ids.contains(camera)) {
			redirect.addFlashAttribute("error", "There is no camera with that id: choose one of the list.");
			return "redirect:" + CAMERA_TOKENS_URL;
		}
		try {
			redirect.addFlashAttribute("createdValue", this.tokens.create(principal.getName(), camera));
			redirect.addFlashAttribute("createdCamera", camera);
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", "No token was made: " + notWritten(ex) + ".");
		}
		return "redirect:" + CAMERA_TOKENS_URL;
	}

	@PostMapping(CAMERA_TOKENS_URL + "/{id}/revoke")
	String revoke(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
		try {
			if (this.tokens.revoke(principal.getName(), id)) {
				redirect.addFlashAttribute("message", "Revoked. Tools using that token are refused from now on.");
			}
			else {
				redirect.addFlashAttribute("error", "That token was revoked already.");
			}
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", "Not revoked: " + notWritten(ex) + "; the token still works.");
		}
		return "redirect:" + CAMERA_TOKENS_URL;
	}

	private static String notWritten(UncheckedIOException ex) {
		return WriteProblem.describe(ex.getCause(), "the data folder (camdash.security.data-folder)");
	}

	/**
	 * A token made on this page.
	 *
	 * @param id its id, for revoking
	 * @param camera the camera it opens
	 * @param created when it was made, local time
	 */
	record TokenRow(String id, String camera, String created) {
	}

}
