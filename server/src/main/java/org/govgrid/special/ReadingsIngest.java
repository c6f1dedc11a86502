package org.govgrid.special;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batch ingest of utility readings (up to {@value #MAX_BATCH} a call), idempotent per
 * meter and instant. Each reading is checked on its own (meter known within the caller's
 * scope, fields present, no time more than five minutes ahead, no negative usage, a
 * cumulative count that never goes down); the good ones are stored in one transaction and
 * the bad ones reported by index. A batch with nothing good in it is a 400 naming every
 * bad field, and writes nothing.
 */
@Service
class ReadingsIngest {

	static final int MAX_BATCH = 5000;

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final ReadingStore store;

	private final Clock clock;

	ReadingsIngest(ReadingStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	@Transactional
	IngestReport ingest(UtilityReadingsCommand command, ScopedPrincipal caller) {
		List<UtilityReadingsCommand.Reading> readings = command == null ? null : command.readings();
		if (readings == null || readings.isEmpty()) {
			throw new InvalidInputException("readings", "at least one reading / 至少一条读数");
		}
		if (readings.size() > MAX_BATCH) {
			throw new InvalidInputException("readings",
					"at most " + MAX_BATCH + " readings a call / 每次最多" + MAX_BATCH + "条读数");
		}
		Instant latest = this.clock.instant().plus(CLOCK_SKEW);
		Map<Integer, FieldErrors> errors = new TreeMap<>();
		Map<Integer, Parsed> parsed = new LinkedHashMap<>();
		Set<ReadingStore.MeterKey> keys = new LinkedHashSet<>();
		// a feed sends one instant for many meters: each distinct time text is read once
		Map<String, Instant> times = new HashMap<>();
		for (int i = 0; i < readings.size(); i++) {
			FieldErrors rowErrors = new FieldErrors();
			Parsed row = parse(readings.get(i), latest, times, rowErrors);
			if (row != null && rowErrors.isEmpty()) {
				parsed.put(i, row);
				keys.add(row.meter());
			}
			else {
				errors.put(i, rowErrors);
			}
		}
		Map<ReadingStore.MeterKey, Long> meters = this.store.meters(keys, caller.scope());
		Map<Long, List<ReadingChain.Incoming>> byMeter = new LinkedHashMap<>();
		parsed.forEach((index, row) -> {
			Long meterId = meters.get(row.meter());
			if (meterId == null) {
				errors.put(index, new FieldErrors().add("meterNumber", "no such meter in your area / 表计不存在或不在您的辖区"));
			}
			else {
				byMeter.computeIfAbsent(meterId, id -> new ArrayList<>())
					.add(new ReadingChain.Incoming(index, row.time(), row.value(), row.cumulative()));
			}
		});
		// only cumulative counts are judged against the stored readings; interval usage
		// goes straight to the COPY, whose unique key finds instants already stored
		List<ReadingStore.Span> spans = byMeter.entrySet()
			.stream()
			.filter(e -> e.getValue().stream().anyMatch(ReadingChain.Incoming::cumulative))
			.map(e -> {
				Instant from = e.getValue()
					.stream()
					.map(ReadingChain.Incoming::time)
					.min(Instant::compareTo)
					.orElseThrow();
				Instant to = e.getValue()
					.stream()
					.map(ReadingChain.Incoming::time)
					.max(Instant::compareTo)
					.orElseThrow();
				return new ReadingStore.Span(e.getKey(), from, to);
			})
			.toList();
		Map<Long, List<ReadingChain.Stored>> stored = this.store.around(spans);
		List<ReadingStore.Row> rows = new ArrayList<>();
		List<ReadingStore.Row> corrections = new ArrayList<>();
		int duplicates = 0;
		for (Map.Entry<Long, List<ReadingChain.Incoming>> meter : byMeter.entrySet()) {
			long meterId = meter.getKey();
			ReadingChain.Outcome outcome = ReadingChain.apply(stored.getOrDefault(meterId, List.of()),
					meter.getValue());
			duplicates += outcome.duplicates().size();
			outcome.rejected().forEach((index, message) -> errors.put(index, new FieldErrors().add("value", message)));
			outcome.accepted()
				.forEach(a -> rows.add(new ReadingStore.Row(meterId, a.time(), a.value(), a.cumulative(), a.usage())));
			outcome.corrections()
				.forEach(c -> corrections.add(new ReadingStore.Row(meterId, c.time(), 0, true, c.usage())));
		}
		if (rows.isEmpty() && duplicates == 0) {
			FieldErrors all = new FieldErrors();
			errors.forEach((index, rowErrors) -> rowErrors.list()
				.forEach(p -> all.add("readings[" + index + "]." + p.field(), p.message())));
			all.throwIfAny();
		}
		int inserted = this.store.insert(rows);
		this.store.correct(corrections);
		List<IngestReport.Rejected> rejected = new ArrayList<>();
		errors.forEach((index, rowErrors) -> rejected.add(new IngestReport.Rejected(index, rowErrors.list())));
		return new IngestReport(inserted, duplicates + rows.size() - inserted, rejected);
	}

	private static Parsed parse(UtilityReadingsCommand.Reading r, Instant latest, Map<String, Instant> times,
			FieldErrors errors) {
		if (r == null) {
			errors.add("reading", "required / 必填");
			return null;
		}
		String number = r.meterNumber() == null ? null : r.meterNumber().strip();
		if (number == null || number.isEmpty()) {
			errors.add("meterNumber", "required / 必填");
		}
		else if (number.length() > 40) {
			errors.add("meterNumber", "at most 40 characters / 最多40个字符");
		}
		MeterKind kind = MeterKind.parse(r.kind());
		if (kind == null) {
			errors.add("kind", r.kind() == null || r.kind().isBlank() ? "required / 必填"
					: "WATER, ELECTRICITY or GAS / 表计类型须为水表、电表或燃气表");
		}
		Instant time = null;
		if (r.time() == null || r.time().isBlank()) {
			errors.add("time", "required / 必填");
		}
		else {
			try {
				time = times.computeIfAbsent(r.time().strip(), IsoTime::parse);
				if (time.isAfter(latest)) {
					errors.add("time", "in the future / 读数时间晚于当前时间");
				}
			}
			catch (DateTimeParseException ex) {
				errors.add("time", "an ISO-8601 time with offset, e.g. 2026-12-07T08:00:00+08:00 / 时间格式无效");
			}
		}
		if (r.value() == null || r.value().isNaN() || r.value().isInfinite()) {
			errors.add("value", "required / 必填");
		}
		else if (r.value() < 0) {
			errors.add("value", Boolean.FALSE.equals(r.cumulative()) ? "negative interval usage / 区间用量不能为负"
					: "a meter count is never negative / 累计读数不能为负");
		}
		else if (r.value() > 1e12) {
			errors.add("value", "too large / 数值过大");
		}
		if (r.cumulative() == null) {
			errors.add("cumulative", "required: true for a meter count, false for interval usage / 必填");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new Parsed(new ReadingStore.MeterKey(kind.name(), number), time, r.value(), r.cumulative());
	}

	private record Parsed(ReadingStore.MeterKey meter, Instant time, double value, boolean cumulative) {
	}

}
