package org.govgrid.party;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** 党建统计 as an xlsx, one sheet per table of the view, written with POI streaming. */
final class PartyStatsWorkbook {

	private PartyStatsWorkbook() {
	}

	static void write(PartyStatsView v, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet summary = sheet(workbook, "概览", bold, "指标", "数值");
			int r = 1;
			r = row(summary, r, "统计期间", v.from() + " 至 " + v.to());
			r = row(summary, r, "党组织数", v.organizations());
			r = row(summary, r, "党员数", v.members());
			r = row(summary, r, "已落格党员", v.placedMembers());
			r = row(summary, r, "未落格党员", v.unplacedMembers());
			r = row(summary, r, "双报到党员", v.dualReportMembers());
			r = row(summary, r, "活动数", v.activities());
			row(summary, r, "无党组织覆盖的网格数", v.gridsWithoutOrganization());
			Sheet types = sheet(workbook, "党组织类型", bold, "类型", "数量");
			r = 1;
			for (PartyStatsView.TypeCount t : v.organizationsByType()) {
				r = row(types, r, OrganizationType.valueOf(t.type()).label(), t.count());
			}
			Sheet statuses = sheet(workbook, "党员状态", bold, "状态", "人数");
			r = 1;
			for (PartyStatsView.StatusCount s : v.membersByStatus()) {
				r = row(statuses, r, MemberStatus.valueOf(s.status()).label(), s.count());
			}
			Sheet activities = sheet(workbook, "活动类型", bold, "类型", "次数");
			r = 1;
			for (PartyStatsView.TypeCount t : v.byType()) {
				r = row(activities, r, ActivityType.valueOf(t.type()).label(), t.count());
			}
			Sheet months = sheet(workbook, "按月活动", bold, "月份", "次数");
			r = 1;
			for (PartyStatsView.MonthCount m : v.byMonth()) {
				r = row(months, r, m.month(), m.count());
			}
			Sheet turnout = sheet(workbook, "组织参与率", bold, "党组织", "党员数", "活动次数", "参与人次", "参与率");
			r = 1;
			for (PartyStatsView.Participation p : v.participation()) {
				r = row(turnout, r, p.name(), p.members(), p.activities(), p.participants(), p.rate());
			}
			Sheet regions = sheet(workbook, "按区域", bold, "区域", "党组织数", "党员数", "活动次数");
			r = 1;
			for (PartyStatsView.RegionCount c : v.byRegion()) {
				r = row(regions, r, c.name(), c.organizations(), c.members(), c.activities());
			}
			Sheet uncovered = sheet(workbook, "未覆盖网格", bold, "网格编码", "网格名称");
			r = 1;
			for (PartyOrganizationView.GridRef g : v.uncoveredGrids()) {
				r = row(uncovered, r, g.code(), g.name());
			}
			workbook.write(out);
		}
	}

	private static Sheet sheet(SXSSFWorkbook workbook, String name, CellStyle bold, String... headers) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.length; i++) {
			header.createCell(i).setCellValue(headers[i]);
			header.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, i == 0 ? 28 * 256 : 14 * 256);
		}
		return sheet;
	}

	private static int row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(value == null ? "" : value.toString());
			}
		}
		return index + 1;
	}

}
