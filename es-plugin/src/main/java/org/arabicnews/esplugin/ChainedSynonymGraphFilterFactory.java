package org.arabicnews.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.index.analysis.AnalysisMode;
import org.elasticsearch.index.analysis.TokenFilterFactory;

/** The synonym filter once its rules were compiled for one concrete analysis chain. */
class ChainedSynonymGraphFilterFactory implements TokenFilterFactory {

    private final String name;
    private final SynonymMap map;
    private final AnalysisMode analysisMode;

    ChainedSynonymGraphFilterFactory(String name, SynonymMap map, AnalysisMode analysisMode) {
        this.name = name;
        this.map = map;
        this.analysisMode = analysisMode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        // An empty rule set yields no FST, which SynonymGraphFilter rejects: pass tokens through.
        // ignoreCase=false because the rules were analysed by the same chain as the tokens.
        return map.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, map, false);
    }

    @Override
    public TokenFilterFactory getSynonymFilter() {
        // A later synonym filter must not see our expansions while parsing its own rules
        // (the rule parser cannot handle stacked tokens), so we step aside there.
        return IDENTITY_FILTER;
    }

    @Override
    public AnalysisMode getAnalysisMode() {
        return analysisMode;
    }
}
