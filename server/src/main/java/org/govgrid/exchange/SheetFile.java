package org.govgrid.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.govgrid.platform.InvalidInputException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An uploaded sheet read row by row without holding it whole: the first worksheet of an
 * xlsx through POI's SAX reader, or a CSV in UTF-8 (with or without BOM) or in GBK
 * (GB18030), as Excel in China saves it.
 */
final class SheetFile {

	enum Format {

		XLSX, CSV

	}

	/** Receives each row with its number as the sheet shows it (1 = the first row). */
	@FunctionalInterface
	interface RowHandler {

		void row(int number, List<String> cells);

	}

	/** Thrown by a handler to stop reading early; the reader swallows it. */
	static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	/** Excel's own limit; a row claiming more cells is hostile. */
	static final int MAX_CELLS_PER_ROW = 16_384;

	static {
		// big zip entries go to encrypted temp files, not the heap
		ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(8 * 1024 * 1024);
		ZipInputStreamZipEntrySource.setEncryptTempFiles(true);
		// zip bombs: no entry may inflate more than 100 times (sheet XML of real data
		// stays near 10) or beyond 256 MB, and a workbook has a few dozen parts, not
		// thousands. POI keeps these as globals; nothing else here reads OOXML.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
		ZipSecureFile.setMaxFileCount(1_000);
		ZipSecureFile.setMaxTextSize(10_000_000);
	}

	private SheetFile() {
	}

	/** The format from the content (and the name); anything else is a 400. */
	static Format detect(String filename, byte[] bytes) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return Format.XLSX;
		}
		if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF) {
			throw new InvalidInputException("file", "an old .xls workbook: save it as .xlsx / 请另存为 .xlsx 格式后再导入");
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return Format.CSV;
		}
		throw new InvalidInputException("file", "only .xlsx and .csv files can be imported / 仅支持 .xlsx 和 .csv 文件");
	}

	static void read(Format format, byte[] bytes, RowHandler handler) {
		try {
			if (format == Format.XLSX) {
				readXlsx(bytes, handler);
			}
			else {
				readCsv(bytes, handler);
			}
		}
		catch (Stop stop) {
			// the handler has seen enough
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException
				| UnsupportedFileFormatException ex) {
			if (ex instanceof SAXException sax && sax.getCause() instanceof Stop) {
				return;
			}
			if (zipBomb(ex)) {
				throw new InvalidInputException("file",
						"the workbook is compressed beyond any real sheet (a zip bomb)" + " / 文件解压后异常膨胀，已拒绝");
			}
			throw new InvalidInputException("file", "the file cannot be read / 文件无法读取，请检查格式");
		}
	}

	/**
	 * POI's refusal of an entry past the inflate ratio or entry size, however wrapped.
	 */
	private static boolean zipBomb(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * From a temporary file, not a stream: POI then inflates a part only when it is read
	 * (a stream makes it inflate every part up front), so the reading can stop at the row
	 * limit without expanding the rest of a bomb.
	 */
	private static void readXlsx(byte[] bytes, RowHandler handler)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		Path copy = Files.createTempFile("govgrid-import-", ".xlsx");
		try {
			Files.write(copy, bytes);
			readXlsx(copy, handler);
		}
		finally {
			Files.deleteIfExists(copy);
		}
	}

	private static void readXlsx(Path file, RowHandler handler)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new InvalidInputException("file", "the workbook has no sheet / 工作簿中没有工作表");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
						new Contents(handler), new PlainFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
	}

	/** Collects a row's cells by column letter, leaving gaps for cells Excel left out. */
	private static final class Contents implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		Contents(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.cells.clear();
		}

		@Override
		public void endRow(int rowNum) {
			this.handler.row(rowNum + 1, List.copyOf(this.cells));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? this.cells.size() : new CellReference(reference).getCol();
			if (column >= MAX_CELLS_PER_ROW) {
				throw new InvalidInputException("file",
						"a row with more than " + MAX_CELLS_PER_ROW + " cells / 单行单元格数超过上限");
			}
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add(value == null ? "" : value);
		}

	}

	/**
	 * Dates as ISO dates whatever their display format, and whole numbers in full (a grid
	 * code typed as a number is not {@code 3.20505E+14}).
	 */
	private static final class PlainFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
				return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
						: at.toString();
			}
			if ((formatString == null || "General".equalsIgnoreCase(formatString)) && value == Math.rint(value)
					&& Math.abs(value) < 1e15) {
				return new BigDecimal(value).toPlainString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

	private static void readCsv(byte[] bytes, RowHandler handler) throws IOException {
		int offset = 0;
		Charset charset;
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			offset = 3;
			charset = StandardCharsets.UTF_8;
		}
		else {
			charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		}
		char delimiter = delimiter(bytes, offset);
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, offset, bytes.length - offset),
				charset)) {
			Csv.parse(reader, delimiter, handler);
		}
	}

	/** Strictly valid UTF-8 (GBK text almost never is); decoded in chunks. */
	static boolean isUtf8(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			var result = decoder.decode(in, out, true);
			if (result.isError()) {
				return false;
			}
			if (result.isUnderflow()) {
				return !decoder.flush(out.clear()).isError();
			}
			out.clear();
		}
	}

	/** A tab when the first line has tabs and no commas (Excel's "text" export). */
	private static char delimiter(byte[] bytes, int offset) {
		boolean tab = false;
		for (int i = offset; i < bytes.length && bytes[i] != '\n' && bytes[i] != '\r'; i++) {
			if (bytes[i] == ',') {
				return ',';
			}
			tab |= bytes[i] == '\t';
		}
		return tab ? '\t' : ',';
	}

	/** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
	private static final class Csv {

		private Csv() {
		}

		static void parse(Reader source, char delimiter, RowHandler handler) throws IOException {
			PushbackReader reader = new PushbackReader(source, 1);
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			boolean started = false;
			int record = 0;
			int c;
			while ((c = reader.read()) != -1) {
				if (quoted) {
					if (c != '"') {
						cell.append((char) c);
						continue;
					}
					int next = reader.read();
					if (next == '"') {
						cell.append('"');
					}
					else {
						quoted = false;
						if (next != -1) {
							reader.unread(next);
						}
					}
					continue;
				}
				if (c == '"' && cell.length() == 0) {
					quoted = true;
					started = true;
				}
				else if (c == delimiter) {
					cells.add(cell.toString());
					cell.setLength(0);
					started = true;
				}
				else if (c == '\r' || c == '\n') {
					if (c == '\r') {
						int next = reader.read();
						if (next != '\n' && next != -1) {
							reader.unread(next);
						}
					}
					cells.add(cell.toString());
					handler.row(++record, List.copyOf(cells));
					cells.clear();
					cell.setLength(0);
					started = false;
				}
				else {
					cell.append((char) c);
					started = true;
				}
			}
			if (started) {
				cells.add(cell.toString());
				handler.row(++record, List.copyOf(cells));
			}
		}

	}

}
