package org.govgrid.search;

import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the Lucene backend: {@code cn} splits Chinese text into words
 * (SmartChineseAnalyzer), so a description is found by the words in it; {@code fragment}
 * keeps every Chinese character as its own token (Latin words and numbers whole,
 * full-width forms folded), so a phrase of characters finds any fragment of a name or an
 * address (晓明 in 张晓明, 金山路88号 in 狮山街道金山路88号3幢201室).
 * <p>
 * Public because Hibernate Search instantiates it by name (configuration
 * {@code class:…}).
 */
public class LuceneAnalysis implements LuceneAnalysisConfigurer {

	static final String CN = "cn";

	static final String FRAGMENT = "fragment";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CN).instance(new SmartChineseAnalyzer());
		context.analyzer(FRAGMENT)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(CJKWidthFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class);
	}

}
