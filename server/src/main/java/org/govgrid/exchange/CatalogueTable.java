package org.govgrid.exchange;

import java.util.List;
import java.util.function.Consumer;

import org.govgrid.platform.ScopedPrincipal;

/**
 * A table of the Jiangsu resource catalogue as we export it: its URL name, Chinese title,
 * what its layout rests on, where its rows come from, and its columns in the catalogue's
 * order.
 */
record CatalogueTable<T>(String code, String title, String basis, Source<T> source, List<CatalogueColumn<T>> columns) {

	List<String> headers() {
		return this.columns.stream().map(CatalogueColumn::name).toList();
	}

	/** Where a table's rows come from, always within the caller's scope. */
	interface Source<T> {

		/** What reading these rows takes besides export. */
		String readPermission();

		/** How many rows the list of the same records shows the caller. */
		long count(CatalogueSources sources, ScopedPrincipal caller);

		/**
		 * Every row in id order; identifiers in clear only when {@code unmask} (checked
		 * by the service).
		 */
		void forEach(CatalogueSources sources, boolean unmask, ScopedPrincipal caller, Consumer<T> action);

	}

}
