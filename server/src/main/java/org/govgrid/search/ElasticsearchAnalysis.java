package org.govgrid.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The same analyzers as {@link LuceneAnalysis} for an Elasticsearch or OpenSearch cluster
 * (profile {@code search-elasticsearch}); {@code cn} needs the {@code analysis-smartcn}
 * plugin installed on every node.
 * <p>
 * Public because Hibernate Search instantiates it by name (configuration
 * {@code class:…}).
 */
public class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(LuceneAnalysis.CN).type("smartcn");
		context.analyzer(LuceneAnalysis.FRAGMENT).custom().tokenizer("standard").tokenFilters("cjk_width", "lowercase");
	}

}
