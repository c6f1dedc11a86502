package org.govgrid.openplatform;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 10.1.0.0/16},
 * {@code 2001:db8::/32}; a bare address is its own /32 or /128). Only literal addresses
 * are parsed, never host names, so parsing never touches the DNS.
 */
record CidrRange(byte[] network, int prefix) {

	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	static Optional<CidrRange> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String[] parts = text.strip().split("/", -1);
		if (parts.length > 2 || parts[0].isEmpty() || !LITERAL.matcher(parts[0]).matches()
				|| (!parts[0].contains(":") && parts[0].split("\\.", -1).length != 4)) {
			return Optional.empty();
		}
		try {
			byte[] address = InetAddress.getByName(parts[0]).getAddress();
			int bits = address.length * 8;
			int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
			if (prefix < 0 || prefix > bits) {
				return Optional.empty();
			}
			return Optional.of(new CidrRange(mask(address, prefix), prefix));
		}
		catch (UnknownHostException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	boolean contains(String address) {
		if (address == null || !LITERAL.matcher(address).matches()) {
			return false;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == this.network.length
					&& new BigInteger(1, mask(bytes, this.prefix)).equals(new BigInteger(1, this.network));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The canonical text, e.g. {@code 10.1.0.0/16}. */
	String text() {
		try {
			return InetAddress.getByAddress(this.network).getHostAddress() + "/" + this.prefix;
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] mask(byte[] address, int prefix) {
		byte[] masked = address.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (masked[i] & (0xFF << (8 - keep)));
		}
		return masked;
	}

}
