package io.camdash.security;

import java.io.UncheckedIOException;
import java.security.Principal;
import java.util.function.Supplier;

import io.camdash.storage.WriteProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users page ({@code /settings/users}, ADMIN only): add and remove users, set their
 * roles, change passwords. Users of the configuration are shown read-only.
 */
@Controller
class UsersController {

	static final String USERS_URL = "/settings/users";

	static final String USERS_VIEW = "security/users";

	private final UserAccounts accounts;

	UsersController(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping(USERS_URL)
	String list(Model model, Principal principal) {
		model.addAttribute("users",
				this.accounts.list()
					.stream()
					.map((account) -> UserRow.of(account, account.name().equalsIgnoreCase(principal.getName())))
					.toList());
		model.addAttribute("roles", Role.values());
		return USERS_VIEW;
	}

	@PostMapping(USERS_URL)
	String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "VIEWER") Role role, Principal principal, RedirectAttributes redirect) {
		boolean done = change(redirect, "User " + name + " added.", () -> {
			this.accounts.add(principal.getName(), name, password, role);
			return null;
		});
		if (!done) {
			// The name comes back; a password never does.
			redirect.addFlashAttribute("name", name);
			redirect.addFlashAttribute("role", role);
		}
		return "redirect:" + USERS_URL;
	}

	@PostMapping(USERS_URL + "/role")
	String setRole(@RequestParam String name, @RequestParam Role role, Principal principal,
			RedirectAttributes redirect) {
		change(redirect, name + " is now " + role + "; their other sessions are signed out.", () -> {
			this.accounts.setRole(principal.getName(), name, role);
			return null;
		});
		return "redirect:" + USERS_URL;
	}

	@PostMapping(USERS_URL + "/password")
	String changePassword(@RequestParam String name, @RequestParam(required = false) @Nullable String currentPassword,
			@RequestParam(defaultValue = "") String password, Principal principal, HttpServletRequest request,
			RedirectAttributes redirect) {
		change(redirect, "Password of " + name + " changed; their other sessions are signed out.", () -> {
			this.accounts.changePassword(principal.getName(), name, currentPassword, password);
			if (name.equalsIgnoreCase(principal.getName())) {
				// One's own session stays signed in.
				ChangedUserFilter.startedNow(request, this.accounts, name);
			}
			return null;
		});
		return "redirect:" + USERS_URL;
	}

	@PostMapping(USERS_URL + "/remove")
	String remove(@RequestParam String name, Principal principal, RedirectAttributes redirect) {
		change(redirect, "User " + name + " removed; their sessions are signed out.", () -> {
			this.accounts.remove(principal.getName(), name);
			return null;
		});
		return "redirect:" + USERS_URL;
	}

	private static boolean change(RedirectAttributes redirect, String done, Supplier<@Nullable Void> change) {
		try {
			change.get();
			redirect.addFlashAttribute("message", done);
			return true;
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			redirect.addFlashAttribute("error", "Nothing was changed: "
					+ WriteProblem.describe(ex.getCause(), "the data folder (camdash.security.data-folder)") + ".");
		}
		return false;
	}

	/**
	 * A user as the page shows them.
	 *
	 * @param name sign-in name
	 * @param role ADMIN or VIEWER
	 * @param fromFile made in the browser (kept in the settings file): role, password and
	 * removal may be changed
	 * @param passwordChangeable whether the password may be changed here
	 * @param you whether this is the signed-in user (whose current password is asked)
	 */
	record UserRow(String name, Role role, boolean fromFile, boolean passwordChangeable, boolean you) {

		static UserRow of(UserAccounts.Account account, boolean you) {
			return new UserRow(account.name(), account.role(), account.origin() == UserAccounts.Origin.SETTINGS_FILE,
					account.origin() != UserAccounts.Origin.CONFIGURATION, you);
		}

	}

}
