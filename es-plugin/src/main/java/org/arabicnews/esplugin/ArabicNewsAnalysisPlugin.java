package org.arabicnews.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.TreeMap;

import static org.elasticsearch.plugins.AnalysisPlugin.requiresAnalysisSettings;

/**
 * Dev-only stand-in for the subset of Elasticsearch's analysis-common module that our index
 * mappings use. The integ-test-zip distribution we run without Docker ships without that module,
 * so we register the same component names with the same settings, backed by Lucene's own classes.
 * Never install this on a cluster that has analysis-common: the names would clash at startup.
 */
public class ArabicNewsAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> filters = new TreeMap<>();
        // Normalising filters are also applied to multi-term queries and keyword normalizers, as in ES.
        filters.put("arabic_normalization",
            (idx, env, name, s) -> new NormalizingLuceneFilterFactory(name, s, ArabicNormalizationFilter::new));
        filters.put("persian_normalization",
            (idx, env, name, s) -> new NormalizingLuceneFilterFactory(name, s, PersianNormalizationFilter::new));
        filters.put("decimal_digit",
            (idx, env, name, s) -> new NormalizingLuceneFilterFactory(name, s, DecimalDigitFilter::new));
        filters.put("arabic_stem", (idx, env, name, s) -> new LuceneFilterFactory(name, s, ArabicStemFilter::new));
        filters.put("edge_ngram", EdgeNGramFilterFactory::new);
        // The following are useless without configuration, so ES does not instantiate them by default.
        filters.put("keyword_marker", requiresAnalysisSettings(KeywordMarkerFilterFactory::new));
        filters.put("synonym_graph", requiresAnalysisSettings(SynonymGraphFilterFactory::new));
        filters.put("stemmer_override", requiresAnalysisSettings(StemmerOverrideFilterFactory::new));
        filters.put("pattern_replace", requiresAnalysisSettings(PatternReplaceTokenFilterFactory::new));
        return filters;
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> charFilters = new TreeMap<>();
        charFilters.put("mapping", requiresAnalysisSettings(MappingCharFilterFactory::new));
        charFilters.put("pattern_replace", requiresAnalysisSettings(PatternReplaceCharFilterFactory::new));
        return charFilters;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("keyword", KeywordTokenizerFactory::new);
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("arabic", ArabicAnalyzerProvider::new);
    }
}
