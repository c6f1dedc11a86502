package org.govgrid.special;

/**
 * A meter as registered or edited: its kind and number (unique per kind), the house it
 * serves (which places it in that house's grid), its status ({@code ACTIVE} or
 * {@code REMOVED}) and a note. A PUT replaces every field.
 */
record MeterCommand(String kind, String meterNumber, Long houseId, String status, String note, Integer version) {
}
