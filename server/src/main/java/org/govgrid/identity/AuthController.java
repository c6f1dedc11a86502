package org.govgrid.identity;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ApiProblems;
import org.govgrid.platform.FieldErrors;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON sign-in for the console and the phone app; the session lives in PostgreSQL. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	static final String BAD_CREDENTIALS = "用户名或密码错误，或账号已被锁定 / Invalid username or password, or the account is locked";

	private final SignInService signIn;

	private final SecurityContextRepository contexts;

	private final RegionService regions;

	private final DepartmentRepository departments;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final SessionTerminator sessions;

	private final CsrfTokens csrfTokens;

	AuthController(SignInService signIn, SecurityContextRepository contexts, RegionService regions,
			DepartmentRepository departments, AuditTrail audit, LoginThrottle throttle, SessionTerminator sessions,
			CsrfTokens csrfTokens) {
		this.throttle = throttle;
		this.sessions = sessions;
		this.csrfTokens = csrfTokens;
		this.signIn = signIn;
		this.contexts = contexts;
		this.regions = regions;
		this.departments = departments;
		this.audit = audit;
	}

	@PostMapping("/login")
	ResponseEntity<?> login(@RequestBody(required = false) Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		FieldErrors errors = new FieldErrors();
		if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
			errors.add("username", "required / 用户名必填");
		}
		if (credentials == null || credentials.password() == null || credentials.password().isEmpty()) {
			errors.add("password", "required / 密码必填");
		}
		errors.throwIfAny();
		if (!this.throttle.tryAcquire(request.getRemoteAddr())) {
			this.audit.record(new AuditRecord("LOGIN", "user", null, AuditOutcome.DENIED,
					"too many attempts from this address / 登录尝试过于频繁",
					new AuditRecord.Actor(null, credentials.username())));
			return tooManyAttempts(60);
		}
		return this.signIn.signIn(credentials.username(), credentials.password()).<ResponseEntity<?>>map(principal -> {
			startSession(principal, request, response);
			return ResponseEntity.ok(me(principal));
		})
			.orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, ApiProblems.BAD_CREDENTIALS, "登录失败 / Sign-in failed",
						BAD_CREDENTIALS)));
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(@AuthenticationPrincipal GovGridPrincipal principal, HttpServletRequest request) {
		this.audit.record(AuditRecord.success("LOGOUT", "user", principal.userId(), null));
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal GovGridPrincipal principal) {
		RegionSummary scope = this.regions.find(principal.scope().regionId()).orElseThrow();
		String departmentName = principal.departmentId() == null ? null
				: this.departments.findById(principal.departmentId()).map(Department::getName).orElse(null);
		return new Me(principal.userId(), principal.username(), principal.displayName(), principal.roles(),
				principal.permissions(),
				new Me.Scope(scope.id(), scope.code(), scope.name(), scope.level().name(), scope.path()),
				principal.departmentId(), departmentName, principal.mustChangePassword());
	}

	@PostMapping("/password")
	ResponseEntity<?> changePassword(@AuthenticationPrincipal GovGridPrincipal principal,
			@RequestBody(required = false) PasswordChange body, HttpServletRequest request,
			HttpServletResponse response) {
		PasswordChange change = body == null ? new PasswordChange(null, null) : body;
		// guessing the current password from a taken-over session is limited like sign-in
		if (!this.throttle.tryAcquire(request.getRemoteAddr())) {
			this.audit.record(new AuditRecord("PASSWORD_CHANGE", "user", Long.toString(principal.userId()),
					AuditOutcome.DENIED, "too many attempts from this address / 尝试过于频繁", null));
			return tooManyAttempts(60);
		}
		try {
			this.signIn.changePassword(principal.userId(), change.oldPassword(), change.newPassword());
		}
		catch (SignInService.AccountLockedException ex) {
			return tooManyAttempts(ex.retryAfterSeconds());
		}
		// whoever else holds a session of this account (the reason to change it, often)
		// is signed out; this session goes on
		HttpSession current = request.getSession(false);
		this.sessions.endOtherSessionsOf(principal.username(), current == null ? "" : current.getId());
		// the session's copy of the user must no longer demand a change
		GovGridPrincipal updated = principal.withPasswordChanged();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(updated));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<?> tooManyAttempts(long retryAfterSeconds) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", Long.toString(retryAfterSeconds))
			.body(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, ApiProblems.type("too-many-requests"),
					"请求过于频繁 / Too many requests", "Too many attempts; wait and try again / 尝试过于频繁，请稍后再试"));
	}

	private void startSession(GovGridPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		// a fresh session id on every sign-in defeats session fixation
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication(principal));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.csrfTokens.rotate(request, response);
	}

	private static Authentication authentication(GovGridPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
	}

	record Credentials(String username, String password) {

		@Override
		public String toString() {
			return "Credentials[" + this.username + "]";
		}

	}

	record PasswordChange(String oldPassword, String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[***]";
		}

	}

	record Me(long id, String username, String displayName, Set<String> roles, Set<String> permissions, Scope scope,
			Long departmentId, String departmentName, boolean mustChangePassword) {

		record Scope(long regionId, String code, String name, String level, String path) {
		}

	}

}
