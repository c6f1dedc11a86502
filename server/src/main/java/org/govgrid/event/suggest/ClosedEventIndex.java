package org.govgrid.event.suggest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The closed events 智能分拨 learns from, in memory: each one's text (title and description,
 * analysed by smartcn) with the 小类 it ended in and the unit that resolved it. The nearest
 * neighbours of a new text are found by a BM25 MoreLikeThis query (k-NN); the unit search
 * is limited to the units the caller may route to.
 */
@Component
class ClosedEventIndex implements DisposableBean {

	static final String CATEGORY = "category";

	static final String UNIT = "unit";

	private static final String ID = "id";

	private static final String TEXT = "text";

	private final Analyzer analyzer = new SmartChineseAnalyzer();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	ClosedEventIndex() {
		try {
			this.writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(this.analyzer));
			this.searchers = new SearcherManager(this.writer, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One closed event as learnt: its unit as {@code KIND:id}. */
	record Learnt(long id, String text, String categoryCode, String unitKey) {
	}

	/** A neighbour's label (category code or unit key) and its BM25 score. */
	record Neighbour(String label, float score) {
	}

	/** Replaces everything with {@code events} (a rebuild from the database). */
	synchronized void replaceAll(Collection<Learnt> events) {
		try {
			this.writer.deleteAll();
			for (Learnt event : events) {
				this.writer.addDocument(document(event));
			}
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Adds or replaces one event (closed, or closed again after rework). */
	synchronized void put(Learnt event) {
		try {
			this.writer.updateDocument(new Term(ID, Long.toString(event.id())), document(event));
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Forgets an event (reopened: its ending is no longer known). */
	synchronized void remove(long id) {
		try {
			this.writer.deleteDocuments(new Term(ID, Long.toString(id)));
			this.searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.writer.getDocStats().numDocs;
	}

	/**
	 * The {@code k} events nearest to {@code text}, each with its {@code labelField};
	 * {@code allowed} (null: any) limits the labels searched. Empty when the text shares
	 * no term with any event.
	 */
	List<Neighbour> nearest(String text, String labelField, Set<String> allowed, int k) {
		if (allowed != null && allowed.isEmpty()) {
			return List.of();
		}
		try {
			IndexSearcher searcher = this.searchers.acquire();
			try {
				MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
				like.setAnalyzer(this.analyzer);
				like.setFieldNames(new String[] { TEXT });
				// a report is one short text: every term counts, even one seen once
				like.setMinTermFreq(1);
				like.setMinDocFreq(1);
				like.setMaxQueryTerms(30);
				Query similar = like.like(TEXT, new StringReader(text));
				BooleanQuery.Builder query = new BooleanQuery.Builder().add(similar, BooleanClause.Occur.MUST);
				if (allowed != null) {
					query.add(new TermInSetQuery(labelField, allowed.stream().map(BytesRef::new).toList()),
							BooleanClause.Occur.FILTER);
				}
				List<Neighbour> neighbours = new ArrayList<>();
				var stored = searcher.storedFields();
				for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
					String label = stored.document(hit.doc, Set.of(labelField)).get(labelField);
					if (label != null) {
						neighbours.add(new Neighbour(label, hit.score));
					}
				}
				return neighbours;
			}
			finally {
				this.searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document document(Learnt event) {
		Document document = new Document();
		document.add(new StringField(ID, Long.toString(event.id()), Field.Store.NO));
		document.add(new TextField(TEXT, event.text(), Field.Store.NO));
		document.add(new StringField(CATEGORY, event.categoryCode(), Field.Store.NO));
		document.add(new StoredField(CATEGORY, event.categoryCode()));
		document.add(new StringField(UNIT, event.unitKey(), Field.Store.NO));
		document.add(new StoredField(UNIT, event.unitKey()));
		return document;
	}

	@Override
	public void destroy() throws IOException {
		this.searchers.close();
		this.writer.close();
		this.analyzer.close();
	}

}
