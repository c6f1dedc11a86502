package org.govgrid.panorama;

/**
 * A layer as the console lists it: its type (the URL segment), the permission that shows
 * it, its name in both languages, an icon key (the console's marker sign), its colour
 * (markers, clusters, legend) and its place in the list (lower first).
 */
public record MapLayerDescriptor(String type, String permission, String labelZh, String labelEn, String icon,
		String colour, int order) {

	public MapLayerDescriptor {
		if (type == null || !type.matches("[a-z]+(-[a-z]+)*")) {
			throw new IllegalArgumentException("a layer type is lower-case words joined by '-': " + type);
		}
		if (colour == null || !colour.matches("#[0-9a-f]{6}")) {
			throw new IllegalArgumentException("a layer colour is #rrggbb: " + colour);
		}
	}

}
