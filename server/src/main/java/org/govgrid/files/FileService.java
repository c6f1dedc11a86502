package org.govgrid.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores uploads: the type is sniffed from the first bytes (jpg, png, mp4, pdf; HEIF,
 * QuickTime and anything else refused), size limits depend on the type, JPEGs lose their
 * EXIF/XMP metadata (GPS, device) but keep their orientation, the SHA-256 is computed
 * over what is stored and images get a 320 px JPEG thumbnail (see {@link Thumbnails}). A
 * file is visible to its uploader and to anyone whose scope covers the uploader's;
 * attaching it to an event will hand that decision to the event.
 */
@Service
class FileService {

	private final FileStore store;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final DataSize maxImage;

	private final DataSize maxVideo;

	private final DataSize maxDocument;

	private final java.util.List<FileOwnerPolicy> owners;

	private final Thumbnails thumbnails;

	private final TransactionTemplate transactions;

	FileService(FileStore store, JdbcClient jdbc, AuditTrail audit, Thumbnails thumbnails,
			PlatformTransactionManager transactions, @Value("${govgrid.files.max-image-size:10MB}") DataSize maxImage,
			@Value("${govgrid.files.max-video-size:200MB}") DataSize maxVideo,
			@Value("${govgrid.files.max-document-size:20MB}") DataSize maxDocument,
			java.util.List<FileOwnerPolicy> owners) {
		this.owners = owners;
		this.thumbnails = thumbnails;
		this.transactions = new TransactionTemplate(transactions);
		this.store = store;
		this.jdbc = jdbc;
		this.audit = audit;
		this.maxImage = maxImage;
		this.maxVideo = maxVideo;
		this.maxDocument = maxDocument;
	}

	/** Outside a transaction: see {@link #store}. */
	StoredFileView upload(MultipartFile file, ScopedPrincipal uploader) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "required, not empty / 请选择非空文件");
		}
		return store(new Upload("file", file.getOriginalFilename(), file.getSize(), file::getInputStream),
				EnumSet.allOf(FileKind.class), uploader);
	}

	/**
	 * Stores {@code upload} if its sniffed kind is one of {@code accepted}; a bad file is
	 * a 400 naming {@code upload.field()}, and nothing is left behind. The checks, the
	 * metadata stripping and the thumbnail all run before any transaction begins, so that
	 * no database connection waits on a decoder; only the row and its audit entry are
	 * written in one.
	 */
	StoredFileView store(Upload upload, Set<FileKind> accepted, ScopedPrincipal uploader) throws IOException {
		if (upload.name() != null && !PLAIN_NAME.matcher(upload.name()).matches()) {
			// a browser sends the bare name: a path or a control character is an attack
			// (or a broken client), so it is refused rather than quietly renamed
			throw new InvalidInputException(upload.field(),
					"the file name must not contain a path, control characters or invalid Unicode / 文件名不能包含路径、控制字符或无效字符");
		}
		FileKind kind;
		try (InputStream in = upload.content().open()) {
			byte[] head = in.readNBytes(FileKind.HEAD);
			kind = FileKind.sniff(head).filter(accepted::contains).orElseThrow(() -> {
				String refusal = FileKind.refusal(head).orElse(null);
				return new InvalidInputException(upload.field(),
						refusal != null ? refusal
								: accepted.size() == 1
										? "only " + accepted.iterator().next().extension() + " is accepted / 文件类型不符"
										: "only jpg, png, mp4 and pdf are accepted / 仅支持 jpg、png、mp4、pdf 文件");
			});
		}
		DataSize limit = switch (kind) {
			case JPEG, PNG -> this.maxImage;
			case MP4 -> this.maxVideo;
			case PDF -> this.maxDocument;
		};
		if (upload.size() > limit.toBytes()) {
			throw new InvalidInputException(upload.field(),
					"larger than " + limit.toMegabytes() + " MB for " + kind.extension() + " / 文件超过大小上限");
		}
		StoredFileView.Video video = null;
		if (kind == FileKind.MP4) {
			try (InputStream in = upload.content().open()) {
				video = VideoProbe.probe(in)
					.orElseThrow(() -> new InvalidInputException(upload.field(),
							"the video has no readable video track / 视频无法解析"));
			}
		}
		byte[] image = null;
		Thumbnails.Preview preview = null;
		if (kind.isImage()) {
			try (InputStream in = upload.content().open()) {
				image = in.readNBytes((int) limit.toBytes() + 1);
			}
			int orientation = 1;
			if (kind == FileKind.JPEG) {
				try {
					orientation = JpegSegments.orientation(image);
					image = JpegSegments.strip(image);
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException(upload.field(), "the image cannot be decoded / 图片无法解析");
				}
			}
			preview = this.thumbnails.make(upload.field(), image, orientation);
		}
		LocalDate today = LocalDate.now();
		String key = String.format("%d/%02d/%s.%s", today.getYear(), today.getMonthValue(), UUID.randomUUID(),
				kind.extension());
		String thumbnailKey = preview == null ? null : key.substring(0, key.lastIndexOf('.')) + "-thumb.jpg";
		String sha256;
		long size;
		size = image != null ? image.length : upload.size();
		// a full disk (507) leaves nothing: the store removes its partial file, and the
		// row is written only once both files are whole
		try (DigestInputStream in = new DigestInputStream(
				image != null ? new ByteArrayInputStream(image) : upload.content().open(), sha256())) {
			this.store.put(key, in, size);
			sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		try {
			if (preview != null) {
				this.store.put(thumbnailKey, new ByteArrayInputStream(preview.jpeg()), preview.jpeg().length);
			}
			Integer width = preview != null ? Integer.valueOf(preview.width())
					: video != null ? Integer.valueOf(video.width()) : null;
			Integer height = preview != null ? Integer.valueOf(preview.height())
					: video != null ? Integer.valueOf(video.height()) : null;
			Row row = new Row(key, displayName(upload.name(), kind), kind, size, sha256, thumbnailKey, width, height,
					video);
			long id = this.transactions.execute(tx -> insert(row, uploader));
			return find(id).orElseThrow().view();
		}
		catch (RuntimeException | IOException ex) {
			// nothing half-written: the bytes go when the metadata does not make it
			this.store.delete(key);
			if (thumbnailKey != null) {
				this.store.delete(thumbnailKey);
			}
			throw ex;
		}
	}

	private record Row(String key, String name, FileKind kind, long size, String sha256, String thumbnailKey,
			Integer width, Integer height, StoredFileView.Video video) {
	}

	private long insert(Row row, ScopedPrincipal uploader) {
		StoredFileView.Video video = row.video();
		Long id = this.jdbc.sql("""
				insert into stored_file (storage_key, original_name, content_type, size_bytes, sha256, thumbnail_key,
				    width, height, uploaded_by, scope_path, frame_rate, duration_ms, video_compliant, video_note)
				values (:key, :name, :type, :size, :sha256, :thumbnail, :width, :height, :uploader, :scope,
				    :frameRate, :durationMs, :compliant, :note) returning id""")
			.param("key", row.key())
			.param("name", row.name())
			.param("type", row.kind().contentType())
			.param("size", row.size())
			.param("sha256", row.sha256())
			.param("thumbnail", row.thumbnailKey())
			.param("width", row.width())
			.param("height", row.height())
			.param("uploader", uploader.userId())
			.param("scope", uploader.scope().path())
			.param("frameRate", video == null ? null : video.frameRate())
			.param("durationMs", video == null ? null : video.durationMs())
			.param("compliant", video == null ? null : video.compliant())
			.param("note", video == null ? null : video.note())
			.query(Long.class)
			.single();
		this.audit.record(AuditRecord.success("FILE_UPLOAD", "file", id,
				row.kind().extension() + " " + row.size() + " bytes sha256=" + row.sha256()));
		return id;
	}

	/**
	 * The file if the caller may see it; anything else is 404. An attached file is as
	 * visible as its owner; an unattached one to its uploader and whoever's scope covers
	 * the uploader's.
	 */
	@Transactional(readOnly = true)
	FileRow visible(long id, ScopedPrincipal caller) {
		return find(id).filter(f -> canRead(f, caller)).orElseThrow(() -> new NotFoundException("file", id));
	}

	private boolean canRead(FileRow file, ScopedPrincipal caller) {
		if (file.ownerType() == null) {
			return file.uploadedBy() == caller.userId() || caller.scope().covers(file.scopePath());
		}
		return this.owners.stream()
			.filter(policy -> policy.ownerType().equals(file.ownerType()))
			.anyMatch(policy -> policy.canRead(file.ownerId(), caller));
	}

	InputStream open(String key) throws IOException {
		return this.store.open(key);
	}

	private Optional<FileRow> find(long id) {
		return this.jdbc.sql("select * from stored_file where id = :id")
			.param("id", id)
			.query((rs, n) -> new FileRow(rs.getLong("id"), rs.getString("storage_key"), rs.getString("original_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getString("thumbnail_key"), (Integer) rs.getObject("width", Integer.class),
					(Integer) rs.getObject("height", Integer.class), rs.getLong("uploaded_by"),
					rs.getString("scope_path"), rs.getString("owner_type"), rs.getLong("owner_id"),
					rs.getTimestamp("created_at"), video(rs)))
			.optional();
	}

	/**
	 * No directory part, no {@code ..}, no control character, well-formed Unicode.
	 */
	private static final java.util.regex.Pattern PLAIN_NAME = java.util.regex.Pattern
		.compile("(?!\\.\\.)(?!.*[\\\\/\\p{Cntrl}\\p{Cs}]).*");

	private static String displayName(String name, FileKind kind) {
		if (name == null || name.isBlank()) {
			return "file." + kind.extension();
		}
		String base = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
		return base.length() > 200 ? base.substring(base.length() - 200) : base;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The probe columns of a {@code stored_file} row; null unless it is a video. */
	static StoredFileView.Video video(java.sql.ResultSet rs) throws java.sql.SQLException {
		Boolean compliant = rs.getObject("video_compliant", Boolean.class);
		if (compliant == null) {
			return null;
		}
		java.math.BigDecimal frameRate = rs.getBigDecimal("frame_rate");
		return new StoredFileView.Video(rs.getInt("width"), rs.getInt("height"),
				frameRate == null ? null : frameRate.doubleValue(), rs.getObject("duration_ms", Long.class), compliant,
				rs.getString("video_note"));
	}

	/**
	 * Bytes to store: the field to blame, the client's name, the size and the content.
	 */
	record Upload(String field, String name, long size, Content content) {
	}

	/** Opens the content afresh for each pass (sniff, probe, store). */
	interface Content {

		InputStream open() throws IOException;

	}

	record FileRow(long id, String storageKey, String name, String contentType, long size, String sha256,
			String thumbnailKey, Integer width, Integer height, long uploadedBy, String scopePath, String ownerType,
			long ownerId, Timestamp createdAt, StoredFileView.Video video) {

		StoredFileView view() {
			return new StoredFileView(this.id, this.name, this.contentType, this.size, this.sha256, this.width,
					this.height, "/api/v1/files/" + this.id,
					this.thumbnailKey == null ? null : "/api/v1/files/" + this.id + "/thumbnail",
					this.createdAt.toInstant(), this.video);
		}

	}

}
