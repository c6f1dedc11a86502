package org.govgrid.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.ValidationResult;
import org.passay.data.EnglishCharacterData;
import org.passay.rule.CharacterCharacteristicsRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;
import org.passay.rule.WhitespaceRule;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * DESIGN §6 password rules: at least 8 characters from at least 3 of the 4 classes, not
 * containing the username, no whitespace, and none of the last five passwords.
 */
@Component
class PasswordPolicy {

	static final String HINT = "at least 8 characters with 3 of: upper case, lower case, digit, symbol; "
			+ "not the username; not one of the last 5 / 至少 8 位，包含大写字母、小写字母、数字、符号中的 3 类，不含用户名，不得与最近 5 次相同";

	/** bcrypt's input limit. */
	static final int MAX_BYTES = 72;

	private final PasswordValidator validator = new DefaultPasswordValidator(new LengthRule(8, 64),
			new CharacterCharacteristicsRule(3, new CharacterRule(EnglishCharacterData.UpperCase, 1),
					new CharacterRule(EnglishCharacterData.LowerCase, 1),
					new CharacterRule(EnglishCharacterData.Digit, 1),
					new CharacterRule(EnglishCharacterData.Special, 1)),
			new UsernameRule(true, true), new WhitespaceRule());

	private final PasswordEncoder encoder;

	PasswordPolicy(PasswordEncoder encoder) {
		this.encoder = encoder;
	}

	/** Adds an error on {@code field} when the password breaks a rule. */
	void check(String field, String username, String password, List<String> recentHashes, FieldErrors errors) {
		if (password == null || password.isEmpty()) {
			errors.add(field, "required / 必填");
			return;
		}
		// bcrypt refuses more than 72 bytes (was a 500); a Chinese character is 3 bytes
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			errors.add(field, "at most " + MAX_BYTES + " bytes (UTF-8) / 密码最长 " + MAX_BYTES + " 字节（UTF-8，汉字占 3 字节）");
			return;
		}
		ValidationResult result = this.validator.validate(new PasswordData(username, password));
		if (!result.isValid()) {
			errors.add(field, "too weak: " + HINT);
			return;
		}
		for (String hash : recentHashes) {
			if (this.encoder.matches(password, hash)) {
				errors.add(field, "must differ from the last 5 passwords / 不得与最近 5 次使用过的密码相同");
				return;
			}
		}
	}

}
