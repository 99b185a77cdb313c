package io.camdash.security;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.camdash.storage.WriteProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API tokens page ({@code /settings/tokens}, ADMIN only): make a token (shown once),
 * see when each was last used, revoke one.
 */
@Controller
class ApiTokensController {

	static final String TOKENS_URL = "/settings/tokens";

	static final String TOKENS_VIEW = "security/tokens";

	private final ApiTokenStore tokens;

	ApiTokensController(ApiTokenStore tokens) {
		this.tokens = tokens;
	}

	@GetMapping(TOKENS_URL)
	String list(Model model) {
		model.addAttribute("tokens", this.tokens.list().stream().map(TokenRow::of).toList());
		model.addAttribute("roles", Role.values());
		return TOKENS_VIEW;
	}

	@PostMapping(TOKENS_URL)
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "VIEWER") Role role,
			RedirectAttributes redirect) {
		try {
			ApiTokenStore.Created created = this.tokens.create(name, role);
			redirect.addFlashAttribute("created", created);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("name", name);
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", "No token was made: " + notWritten(ex) + ".");
			redirect.addFlashAttribute("name", name);
		}
		return "redirect:" + TOKENS_URL;
	}

	@PostMapping(TOKENS_URL + "/{id}/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		try {
			if (this.tokens.revoke(id)) {
				redirect.addFlashAttribute("message", "Revoked. Scripts using that token are refused from now on.");
			}
			else {
				redirect.addFlashAttribute("error", "That token was revoked already.");
			}
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", "Revoked for now, but " + notWritten(ex)
					+ ": the token works again if camdash restarts before it can save its tokens.");
		}
		return "redirect:" + TOKENS_URL;
	}

	private static String notWritten(UncheckedIOException ex) {
		return WriteProblem.describe(ex.getCause(), "the data folder (camdash.security.data-folder)");
	}

	/**
	 * A token as the page shows it.
	 *
	 * @param id its id, for revoking
	 * @param name its name
	 * @param role ADMIN or VIEWER
	 * @param created when it was made, local time
	 * @param lastUsed when it was last used, local time, or "never"
	 */
	record TokenRow(String id, String name, String role, String created, String lastUsed) {

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

		static TokenRow of(ApiToken token) {
			return new TokenRow(token.id(), token.name(), token.role().name(), format(token.created()),
					(token.lastUsed() != null) ? format(token.lastUsed()) : "never");
		}

		private static String format(@Nullable Instant instant) {
			return (instant != null) ? FORMAT.format(instant.atZone(ZoneId.systemDefault())) : "";
		}

	}

}
