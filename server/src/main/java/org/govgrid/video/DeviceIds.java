package org.govgrid.video;

import java.util.Set;
import java.util.regex.Pattern;

import org.govgrid.platform.FieldErrors;

/**
 * GB/T 28181 device ids: 20 digits — an 8-digit centre code (province, city, district,
 * grass-roots unit), a 2-digit industry code, a 3-digit type code, a 1-digit network code
 * and a 6-digit serial. Only cameras are registered here: type 131 (camera) or 132 (IP
 * camera).
 */
final class DeviceIds {

	private static final Pattern TWENTY_DIGITS = Pattern.compile("[0-9]{20}");

	/** Province-level codes of GB/T 2260. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	private static final Set<String> CAMERA_TYPES = Set.of("131", "132");

	private DeviceIds() {
	}

	/** Adds to {@code errors} under {@code field} what is wrong with {@code id}. */
	static void check(String id, String field, FieldErrors errors) {
		if (id == null || id.isBlank()) {
			errors.add(field, "required / 请填写国标设备编码");
			return;
		}
		if (!TWENTY_DIGITS.matcher(id).matches()) {
			errors.add(field, "GB/T 28181 ids are 20 digits / 国标编码须为20位数字");
			return;
		}
		if (!PROVINCES.contains(id.substring(0, 2))) {
			errors.add(field, "the centre code does not start with a province code / 中心编码的省级代码无效");
		}
		else if (!CAMERA_TYPES.contains(typeCode(id))) {
			errors.add(field, "type code " + typeCode(id) + " is not a camera (131 or 132) / 类型编码须为131或132（摄像机）");
		}
		else if (id.charAt(13) == '9') {
			errors.add(field, "network code 9 is reserved / 网络标识9为保留值");
		}
	}

	/** Digits 11–13. */
	static String typeCode(String id) {
		return id.substring(10, 13);
	}

}
