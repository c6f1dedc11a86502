package org.govgrid.exchange;

/**
 * The columns every sheet of people shares (实有人口, 党员), headed, hinted and checked alike
 * so one person's row reads the same in each; the ID number is then the sheet's natural
 * key, compared as {@link SheetKind#naturalKey} normalises it. Published for the sheets
 * of modules above exchange.
 */
public final class PersonColumns {

	private PersonColumns() {
	}

	/** 身份证号, required, known also by the headers given. */
	public static Column idNumber(String... aliases) {
		return Column.idNumber("身份证号", "idNumber", true, "18位公民身份号码，末位可为X；请以文本格式填写", aliases);
	}

	/** 手机号, optional, known also by the headers given. */
	public static Column phone(String... aliases) {
		return Column.phone("手机号", "phone", "11位手机号或带区号的座机", aliases);
	}

}
