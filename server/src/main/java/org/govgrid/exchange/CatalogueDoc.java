package org.govgrid.exchange;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The field tables of docs/catalogue/jiangsu-resource-catalogue.md, written from
 * {@link JiangsuCatalogue} so that the document and the export cannot drift (a test
 * compares them).
 */
final class CatalogueDoc {

	static final String BEGIN = "<!-- catalogue:begin (generated from JiangsuCatalogue; do not edit by hand) -->";

	static final String END = "<!-- catalogue:end -->";

	private CatalogueDoc() {
	}

	/** The generated part, markers included. */
	static String generated() {
		StringBuilder md = new StringBuilder(BEGIN).append("\n\n");
		md.append("| 目录表 | 导出 | 数据项 | 已有 | 缺 |\n|---|---|---|---|---|\n");
		for (CatalogueTable<?> table : JiangsuCatalogue.TABLES) {
			long held = table.columns().stream().filter(CatalogueColumn::isHeld).count();
			md.append("| ")
				.append(table.title())
				.append(" | `")
				.append(table.code())
				.append("` | ")
				.append(table.columns().size())
				.append(" | ")
				.append(held)
				.append(" | ")
				.append(table.columns().size() - held)
				.append(" |\n");
		}
		for (CatalogueTable<?> table : JiangsuCatalogue.TABLES) {
			md.append("\n### ").append(table.title()).append(" (`").append(table.code()).append("`)\n\n");
			md.append("依据：").append(table.basis()).append("。导出：`GET /api/v1/exports/catalogue/");
			md.append(table.code()).append(".xlsx`\n\n");
			md.append("| # | 目录数据项 | 我方字段（表.列 · API 字段） | 类型与长度 | 必填 | 代码表 / 写法 |\n");
			md.append("|---|---|---|---|---|---|\n");
			List<? extends CatalogueColumn<?>> columns = table.columns();
			for (int i = 0; i < columns.size(); i++) {
				CatalogueColumn<?> column = columns.get(i);
				md.append("| ")
					.append(i + 1)
					.append(" | ")
					.append(column.name())
					.append(" | ")
					.append(column.isHeld() ? field(column.field()) : "**缺** (missing)")
					.append(" | ")
					.append(column.type())
					.append(" | ")
					.append(column.required() ? "是" : "")
					.append(" | ")
					.append(column.codes() == null ? "" : column.codes())
					.append(" |\n");
			}
		}
		return md.append('\n').append(END).toString();
	}

	private static String field(String field) {
		return List.of(field.split(" · ")).stream().map(part -> "`" + part + "`").collect(Collectors.joining(" · "));
	}

}
