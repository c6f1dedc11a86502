package org.govgrid.warning;

import java.util.List;
import java.util.Map;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.warning.Alerts.AlertView;
import org.govgrid.warning.WarningRules.RuleCommand;
import org.govgrid.warning.model.RuleKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Warning rules, their backtest, and alerts (docs/api/warning.md). */
@RestController
class WarningController {

	private final WarningRules rules;

	private final Backtests backtests;

	private final Alerts alerts;

	private final SignalSweep signals;

	private final Hotspots hotspots;

	WarningController(WarningRules rules, Backtests backtests, Alerts alerts, SignalSweep signals, Hotspots hotspots) {
		this.hotspots = hotspots;
		this.signals = signals;
		this.rules = rules;
		this.backtests = backtests;
		this.alerts = alerts;
	}

	/**
	 * The rule kinds with what their parameters mean; {@code available} is false for a
	 * signal kind whose module is absent.
	 */
	@GetMapping("/api/v1/warning-rules/kinds")
	@PreAuthorize("hasAnyAuthority('warning:rule:write', 'warning:alert:read')")
	List<KindView> kinds() {
		return java.util.Arrays.stream(RuleKind.values()).map(kind -> {
			java.util.Optional<SignalSource> source = this.signals.source(kind);
			return new KindView(kind.name(), kind.label(), kind.signal(), kind.windowed(), kind.factored(),
					!kind.signal() || source.isPresent(),
					kind.spatial() ? "半径内的事件数" : source.map(SignalSource::thresholdMeaning).orElse(null),
					kind.spatial());
		}).toList();
	}

	/**
	 * A rule kind as the rule editor offers it; {@code spatial}: it takes a radius in
	 * metres (HOTSPOT).
	 */
	record KindView(String kind, String label, boolean signal, boolean windowed, boolean factored, boolean available,
			String thresholdMeaning, boolean spatial) {
	}

	@GetMapping("/api/v1/warning-rules")
	@PreAuthorize("hasAnyAuthority('warning:rule:write', 'warning:alert:read')")
	List<Rule.View> rules(@RequestParam(defaultValue = "false") boolean includeDisabled) {
		return this.rules.list(CurrentUser.require(), includeDisabled);
	}

	@GetMapping("/api/v1/warning-rules/{id}")
	@PreAuthorize("hasAnyAuthority('warning:rule:write', 'warning:alert:read')")
	Rule.View rule(@PathVariable long id) {
		return this.rules.get(id, CurrentUser.require());
	}

	@PostMapping("/api/v1/warning-rules")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('warning:rule:write')")
	Rule.View create(@RequestBody RuleCommand command) {
		return this.rules.create(command, CurrentUser.require());
	}

	@PutMapping("/api/v1/warning-rules/{id}")
	@PreAuthorize("hasAuthority('warning:rule:write')")
	Rule.View update(@PathVariable long id, @RequestBody RuleCommand command) {
		return this.rules.update(id, command, CurrentUser.require());
	}

	/** Disables the rule (its alerts stay). */
	@DeleteMapping("/api/v1/warning-rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('warning:rule:write')")
	void disable(@PathVariable long id) {
		this.rules.disable(id, CurrentUser.require());
	}

	@PostMapping("/api/v1/warning-rules/backtest")
	@PreAuthorize("hasAuthority('warning:rule:write')")
	Backtests.Result backtest(@RequestBody Backtests.BacktestCommand command) {
		return this.backtests.run(command, CurrentUser.require());
	}

	/**
	 * 热点研判: clusters of the events of the last {@code days} (default 7, at most 90) in
	 * the caller's area or {@code regionId} inside it, optionally of one category.
	 */
	@GetMapping("/api/v1/warning/hotspots")
	@PreAuthorize("hasAuthority('warning:hotspot:read')")
	List<Hotspots.Hotspot> hotspots(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Integer days, @RequestParam(required = false) String categoryCode) {
		return this.hotspots.find(regionId, days, categoryCode, CurrentUser.require());
	}

	@GetMapping("/api/v1/alerts")
	@PreAuthorize("hasAuthority('warning:alert:read')")
	PageResponse<AlertView> alerts(@RequestParam(required = false) String status,
			@RequestParam(required = false) String level, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.alerts.list(status, level, regionId, new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/api/v1/alerts/{id}")
	@PreAuthorize("hasAuthority('warning:alert:read')")
	AlertView alert(@PathVariable long id) {
		return this.alerts.get(id, CurrentUser.require());
	}

	@PostMapping("/api/v1/alerts/{id}/acknowledge")
	@PreAuthorize("hasAuthority('warning:alert:handle')")
	AlertView acknowledge(@PathVariable long id) {
		return this.alerts.acknowledge(id, CurrentUser.require());
	}

	@PostMapping("/api/v1/alerts/{id}/dismiss")
	@PreAuthorize("hasAuthority('warning:alert:handle')")
	AlertView dismiss(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
		return this.alerts.dismiss(id, body == null ? null : body.get("reason"), CurrentUser.require());
	}

	@PostMapping("/api/v1/alerts/{id}/convert")
	@PreAuthorize("hasAuthority('warning:alert:handle')")
	AlertView convert(@PathVariable long id) {
		return this.alerts.convert(id, CurrentUser.require());
	}

}
