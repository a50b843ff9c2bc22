package org.arabicnews.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * {@code synonym_graph}: settings {@code synonyms} | {@code synonyms_path}, {@code format}
 * (solr | wordnet), {@code expand} (true), {@code lenient} (false), {@code updateable} (false).
 *
 * <p>The rules cannot be compiled until we know the analysis chain: ES analyses every rule with
 * the char filters, tokenizer and the token filters placed BEFORE this one, so that a rule written
 * with hamza or diacritics matches the normalised tokens it will meet. The server calls
 * {@link #getChainAwareTokenFilterFactory} when it builds each analyzer (index creation and
 * {@code _reload_search_analyzers}), and that is where the rules file is (re)read.
 */
class SynonymGraphFilterFactory extends AbstractTokenFilterFactory {

    private final Environment env;
    private final Settings settings;
    private final boolean expand;
    private final boolean lenient;
    private final String format;
    private final AnalysisMode analysisMode;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.env = env;
        this.settings = settings;
        this.expand = settings.getAsBoolean("expand", true);
        this.lenient = settings.getAsBoolean("lenient", false);
        this.format = settings.get("format", "solr");
        if (format.equals("solr") == false && format.equals("wordnet") == false) {
            throw new IllegalArgumentException("unknown synonym format [" + format + "] for [" + name + "], expected [solr] or [wordnet]");
        }
        // Updateable filters may only run at search time; that is what lets the server reload them.
        this.analysisMode = settings.getAsBoolean("updateable", false) ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
        SynonymRulesSource.validate(settings, name);
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        throw new IllegalStateException("Call getChainAwareTokenFilterFactory to specialize this factory for an analysis chain first");
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }

    @Override
    public TokenFilterFactory getChainAwareTokenFilterFactory(
        IndexCreationContext context,
        TokenizerFactory tokenizer,
        List<CharFilterFactory> charFilters,
        List<TokenFilterFactory> previousTokenFilters,
        Function<String, TokenFilterFactory> allFilters
    ) {
        Analyzer ruleAnalyzer = new CustomAnalyzer(
            tokenizer,
            charFilters.toArray(new CharFilterFactory[0]),
            // Each earlier filter decides how it takes part in rule parsing (identity, itself, or refusal).
            previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new)
        );
        SynonymMap map;
        try (ruleAnalyzer) {
            map = SynonymParsers.build(SynonymRulesSource.open(env, settings, name()), format, expand, lenient, ruleAnalyzer, name());
        }
        return new ChainedSynonymGraphFilterFactory(name(), map, analysisMode);
    }
}
