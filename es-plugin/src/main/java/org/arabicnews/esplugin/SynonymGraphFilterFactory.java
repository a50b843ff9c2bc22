package org.arabicnews.esplugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.IndexVersions;
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
 * ({@code wordnet} in any case, anything else is solr), {@code expand} (true), {@code lenient}
 * (true when {@code updateable}, else false), {@code updateable} (false): as analysis-common reads them.
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
    private final boolean wordnet;
    private final AnalysisMode analysisMode;

    SynonymGraphFilterFactory(IndexSettings indexSettings, Environment env, String name, Settings settings) {
        super(name, settings);
        this.env = env;
        this.settings = settings;
        this.expand = settings.getAsBoolean("expand", true);
        boolean updateable = settings.getAsBoolean("updateable", false);
        // Reloadable rules must not be able to break a live index, so newer indices default to lenient.
        this.lenient = settings.getAsBoolean(
            "lenient",
            updateable && indexSettings.getIndexVersionCreated().onOrAfter(IndexVersions.LENIENT_UPDATEABLE_SYNONYMS)
        );
        // The real module never rejects a format: "wordnet" in any case picks WordNet, all else is Solr.
        this.wordnet = "wordnet".equalsIgnoreCase(settings.get("format", ""));
        // Updateable filters may only run at search time; that is what lets the server reload them.
        this.analysisMode = updateable ? AnalysisMode.SEARCH_TIME : AnalysisMode.ALL;
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
            map = SynonymParsers.build(
                SynonymRulesSource.open(env, settings),
                SynonymRulesSource.origin(settings, name()),
                wordnet,
                expand,
                lenient,
                ruleAnalyzer
            );
        }
        return new ChainedSynonymGraphFilterFactory(name(), map, analysisMode);
    }
}
